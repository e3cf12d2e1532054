import { QuotaInfo } from '../contract/quota';
import { errorAnswers, route } from '../contract/route';
import { LoginRequest, PasswordChangeRequest, SessionInfo } from '../contract/session';
import { UserSettings } from '../contract/settings';

export const quotaRoutes = {
  get: route({
    method: 'GET',
    path: '/quota',
    tags: ['account'],
    responses: { 200: QuotaInfo, ...errorAnswers(401, 503) },
  }),
};

export const sessionRoutes = {
  logIn: route({
    method: 'POST',
    path: '/session',
    tags: ['session'],
    body: LoginRequest,
    responses: { 200: SessionInfo, ...errorAnswers(401, 403, 423, 429, 503) },
  }),
  get: route({
    method: 'GET',
    path: '/session',
    tags: ['session'],
    responses: { 200: SessionInfo, ...errorAnswers(401) },
  }),
  logOut: route({
    method: 'DELETE',
    path: '/session',
    tags: ['session'],
    responses: { 204: null, ...errorAnswers(401) },
  }),
};

export const passwordRoutes = {
  change: route({
    method: 'POST',
    path: '/password',
    tags: ['account'],
    body: PasswordChangeRequest,
    responses: { 204: null, ...errorAnswers(400, 401, 429, 502, 503) },
  }),
};

/** The signed-in user's preferences; PUT changes only the fields it names. */
export const settingsRoutes = {
  get: route({
    method: 'GET',
    path: '/settings',
    tags: ['settings'],
    responses: { 200: UserSettings, ...errorAnswers(401) },
  }),
  update: route({
    method: 'PUT',
    path: '/settings',
    tags: ['settings'],
    body: UserSettings,
    responses: { 200: UserSettings, ...errorAnswers(400, 401) },
  }),
};
