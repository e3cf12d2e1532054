import { ConnectionCheck, MigrationCurrent, MigrationStatus, OldLogin } from '../contract/migration';
import { errorAnswers, route } from '../contract/route';

/** Đ8.2d: the signed-in user's copy of mail from an old IMAP server. */
export const migrationRoutes = {
  /** Logs in to the old server and lists its folders with counts and where each will go. */
  check: route({
    method: 'POST',
    path: '/migration/check',
    tags: ['migration'],
    body: OldLogin,
    responses: { 200: ConnectionCheck, ...errorAnswers(400, 401, 502, 504) },
  }),
  start: route({
    method: 'POST',
    path: '/migration',
    tags: ['migration'],
    body: OldLogin,
    responses: { 201: MigrationStatus, ...errorAnswers(400, 401, 409, 502, 504) },
  }),
  /** The latest migration of the mailbox (running or finished), for the progress bar and report. */
  current: route({
    method: 'GET',
    path: '/migration',
    tags: ['migration'],
    responses: { 200: MigrationCurrent, ...errorAnswers(401) },
  }),
};
