import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ActiveSession, SessionStore } from '../auth/session-store';
import { ApiError } from './api-error';
import { checkSessionToken } from './csrf';

export const SESSION_COOKIE = 'bp_session';

declare module 'fastify' {
  interface FastifyRequest {
    session: ActiveSession | null;
  }
}

/** preHandler for every route behind log-in: resolves the cookie, checks the CSRF token. */
export function requireSession(store: SessionStore) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const session = store.resolve(req.cookies[SESSION_COOKIE]);
    if (!session) {
      reply.clearCookie(SESSION_COOKIE, { path: '/api' });
      throw new ApiError('not_authenticated');
    }
    checkSessionToken(req, session.csrfToken);
    req.session = session;
  };
}
