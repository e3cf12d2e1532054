import { errorAnswers, route } from '../contract/route';
import { SieveRules, SieveState } from '../contract/sieve';

/** Out-of-office and filters, kept at the provider as the webmail's own Sieve script. */
export const sieveRoutes = {
  get: route({
    method: 'GET',
    path: '/sieve',
    tags: ['sieve'],
    responses: { 200: SieveState, ...errorAnswers(401, 503) },
  }),
  /** Replaces the webmail's rules as a whole; a forward to a free mail service is refused first. */
  put: route({
    method: 'PUT',
    path: '/sieve',
    tags: ['sieve'],
    body: SieveRules,
    responses: { 200: SieveState, ...errorAnswers(400, 401, 422, 503) },
  }),
};
