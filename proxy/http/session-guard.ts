import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccountRecord } from '../accounts/account-store';
import type { AppContext } from '../app-context';
import type { ActiveSession } from '../auth/session-store';
import { ApiError } from '../errors';
import { type PasswordChangeReason, passwordChangeRequirement } from '../policy/password-age';
import { checkSessionToken } from './csrf';

export const SESSION_COOKIE = 'bp_session';

declare module 'fastify' {
  interface FastifyRequest {
    session: ActiveSession | null;
    account: AccountRecord | null;
    /** Why this session may only change the password, if it may. */
    passwordChangeRequired: PasswordChangeReason | null;
  }
}

export interface GuardOptions {
  /** The few routes a session that must change its password may still use. */
  allowWhilePasswordChangeRequired?: boolean;
}

/**
 * preHandler for every route behind log-in: resolves the cookie, checks the CSRF token, then the
 * account's state in the policy store on every request, so a suspension or an admin reset takes
 * effect at once, not at the next log-in.
 */
export function requireSession(ctx: AppContext, options: GuardOptions = {}) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const session = await ctx.sessions.resolve(req.cookies[SESSION_COOKIE]);
    if (!session) {
      reply.clearCookie(SESSION_COOKIE, { path: '/api' });
      throw new ApiError('not_authenticated');
    }
    checkSessionToken(req, session.csrfToken);
    req.session = session;
    const account = await ctx.accounts.ensure(session.email);
    req.account = account;
    if (account.state !== 'active') throw accountStateError(account);
    req.passwordChangeRequired = passwordChangeRequirement(account, new Date(), ctx.config.passwordAge);
    if (req.passwordChangeRequired && !options.allowWhilePasswordChangeRequired) {
      throw new ApiError('password_change_required', { reason: req.passwordChangeRequired });
    }
  };
}

/** 423 with the reason for a suspended account (it keeps receiving mail); 403 for a revoked one. */
export function accountStateError(account: AccountRecord): ApiError {
  if (account.state === 'revoked') return new ApiError('account_revoked');
  return new ApiError('account_suspended', account.stateReason ? { reason: account.stateReason } : undefined);
}
