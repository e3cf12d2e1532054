import { AccountEmailParams } from '../contract/console-accounts';
import {
  DepartureInput,
  InactivityExemptionInput,
  LifecycleAccountStatus,
  LifecycleDone,
  LifecycleRun,
  LifecycleRunRequest,
  LifecycleRuns,
  LifecycleToday,
  LifecycleTodayQuery,
  LifecycleUpcoming,
  LifecycleUpcomingQuery,
  MailboxExportResult,
  RestoreInput,
  RestoreRequestInput,
  RestoreRequestResult,
  RestoreResult,
  RevokeInput,
  RevokeResult,
  SuspendInput,
} from '../contract/console-lifecycle';
import { errorAnswers, route } from '../contract/route';

const errors = errorAnswers(400, 403, 404, 409, 502);
const account = '/console/lifecycle/accounts/:email';

/**
 * The account lifecycle: the daily job's dry run, the coming schedule, the runs, and the admin
 * actions on one account (departure, exemption, suspension, restore, export, revocation).
 */
export const consoleLifecycleRoutes = {
  today: route({
    method: 'GET',
    path: '/console/lifecycle/today',
    tags: ['console'],
    query: LifecycleTodayQuery,
    responses: { 200: LifecycleToday, ...errors },
  }),
  upcoming: route({
    method: 'GET',
    path: '/console/lifecycle/upcoming',
    tags: ['console'],
    query: LifecycleUpcomingQuery,
    responses: { 200: LifecycleUpcoming, ...errors },
  }),
  runs: route({
    method: 'GET',
    path: '/console/lifecycle/runs',
    tags: ['console'],
    responses: { 200: LifecycleRuns },
  }),
  run: route({
    method: 'POST',
    path: '/console/lifecycle/run',
    tags: ['console'],
    body: LifecycleRunRequest,
    responses: { 200: LifecycleRun, ...errors },
  }),
  account: route({
    method: 'GET',
    path: account,
    tags: ['console'],
    params: AccountEmailParams,
    responses: { 200: LifecycleAccountStatus, ...errors },
  }),
  recordDeparture: route({
    method: 'POST',
    path: `${account}/departure`,
    tags: ['console'],
    params: AccountEmailParams,
    body: DepartureInput,
    responses: { 200: LifecycleDone, ...errors },
  }),
  cancelDeparture: route({
    method: 'DELETE',
    path: `${account}/departure`,
    tags: ['console'],
    params: AccountEmailParams,
    responses: { 200: LifecycleDone, ...errors },
  }),
  setExemption: route({
    method: 'POST',
    path: `${account}/exemption`,
    tags: ['console'],
    params: AccountEmailParams,
    body: InactivityExemptionInput,
    responses: { 200: LifecycleDone, ...errors },
  }),
  removeExemption: route({
    method: 'DELETE',
    path: `${account}/exemption`,
    tags: ['console'],
    params: AccountEmailParams,
    responses: { 200: LifecycleDone, ...errors },
  }),
  suspend: route({
    method: 'POST',
    path: `${account}/suspend`,
    tags: ['console'],
    params: AccountEmailParams,
    body: SuspendInput,
    responses: { 200: LifecycleDone, ...errors },
  }),
  recordRestoreRequest: route({
    method: 'POST',
    path: `${account}/restore-request`,
    tags: ['console'],
    params: AccountEmailParams,
    body: RestoreRequestInput,
    responses: { 200: RestoreRequestResult, ...errors },
  }),
  /** The answer holds a temporary password: sent with cache-control no-store. */
  restore: route({
    method: 'POST',
    path: `${account}/restore`,
    tags: ['console'],
    params: AccountEmailParams,
    body: RestoreInput,
    responses: { 200: RestoreResult, ...errors },
  }),
  exportMailbox: route({
    method: 'POST',
    path: `${account}/export`,
    tags: ['console'],
    params: AccountEmailParams,
    responses: { 200: MailboxExportResult, ...errors },
  }),
  /** The export's file (application/gzip), a plain link that downloads with the cookie. */
  downloadExport: route({
    method: 'GET',
    path: `${account}/export`,
    tags: ['console'],
    params: AccountEmailParams,
    responses: { 200: null, ...errors },
  }),
  revoke: route({
    method: 'POST',
    path: `${account}/revoke`,
    tags: ['console'],
    params: AccountEmailParams,
    body: RevokeInput,
    responses: { 200: RevokeResult, ...errors },
  }),
};
