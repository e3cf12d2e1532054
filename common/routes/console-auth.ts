import { ConsoleMe, RecoveryCodes, SecondFactorCode, SecondFactorEnrolment } from '../contract/console';
import { errorAnswers, route } from '../contract/route';

/** Who is at the console, and the second factor (TOTP with recovery codes) that opens it. */
export const consoleAuthRoutes = {
  me: route({
    method: 'GET',
    path: '/console/me',
    tags: ['console'],
    responses: { 200: ConsoleMe, ...errorAnswers(401, 403) },
  }),
  enrolSecondFactor: route({
    method: 'POST',
    path: '/console/second-factor/enrol',
    tags: ['console'],
    responses: { 200: SecondFactorEnrolment, ...errorAnswers(403, 409) },
  }),
  confirmSecondFactor: route({
    method: 'POST',
    path: '/console/second-factor/confirm',
    tags: ['console'],
    body: SecondFactorCode,
    responses: { 200: RecoveryCodes, ...errorAnswers(400, 409, 429) },
  }),
  verifySecondFactor: route({
    method: 'POST',
    path: '/console/second-factor/verify',
    tags: ['console'],
    body: SecondFactorCode,
    responses: { 204: null, ...errorAnswers(400, 409, 429) },
  }),
};
