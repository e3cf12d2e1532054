import { createHash } from 'node:crypto';
import { reconcileWithProvider } from '../accounts/provider-state-sync';
import type { AppContext } from '../app-context';
import { ApiError } from '../errors';
import { accountStateError } from '../http/session-guard';

/**
 * Log-in is an IMAP LOGIN at the provider: the provider stays the one authority for passwords.
 * The verified connection is kept in the pool for the user's first requests.
 */
export async function logIn(
  ctx: AppContext,
  credentials: { email: string; password: string },
  meta: { ip: string; userAgent?: string },
) {
  // People type passwords into the address field by mistake: what is not an address is kept only
  // as a hash, never as typed, in the audit log and the throttle table.
  const who = loggableAccount(credentials.email);
  const audit = (outcome: string) =>
    ctx.audit.record({ actor: who, email: who, action: 'login', outcome, ip: meta.ip });
  const gate = await ctx.loginThrottle.checkAndRecordAttempt(who, meta.ip);
  // Refused before the provider is asked: a guess made while blocked is not even tried.
  if (!gate.allowed) {
    await audit('too_many_attempts');
    throw new ApiError('too_many_attempts', {
      retryAfterSeconds: gate.retryAfterSeconds,
      minutes: Math.ceil(gate.retryAfterSeconds / 60),
    });
  }
  const { attempt } = gate;
  // Đ6.1, Đ6.2: the policy store's state is told only to someone who knows the password, as the
  // provider's own nologin does; a guesser learns nothing about the account.
  const known = await ctx.accounts.get(credentials.email);
  const blocked = known && known.state !== 'active' ? accountStateError(known) : null;
  try {
    if (blocked) {
      await ctx.imap.verify(credentials).catch((err: unknown) => {
        if (!(err instanceof ApiError && err.code === 'account_suspended')) throw err;
      });
      throw blocked;
    }
    await ctx.imap.login(credentials);
  } catch (err) {
    const code = err instanceof ApiError ? err.code : 'internal_error';
    // The provider refused a right password with its own nologin (CONTACTADMIN): the store learns
    // it, so the console says "suspended" too, with the reason the user is shown here.
    if (!blocked && code === 'account_suspended' && who === credentials.email) {
      const reason = (err as ApiError).details?.reason;
      await reconcileWithProvider(ctx, credentials.email, typeof reason === 'string' ? reason : '');
    }
    // Only a wrong password counts; a provider outage or a suspended mailbox is no guess.
    if (code === 'invalid_credentials') await ctx.loginThrottle.recordFailure(attempt);
    else await ctx.loginThrottle.forget(attempt);
    await audit(code);
    throw err;
  }
  await ctx.loginThrottle.forget(attempt);
  await ctx.loginThrottle.recordSuccess(who, meta.ip);
  await audit('ok');
  await ctx.accounts.recordLogin(credentials.email);
  const account = await ctx.accounts.ensure(credentials.email);
  return { ...(await ctx.sessions.create(credentials.email, credentials.password, meta)), account };
}

export async function logOut(ctx: AppContext, session: { idHash: string; email: string }, ip: string) {
  await ctx.sessions.destroy(session.idHash);
  await ctx.audit.record({ actor: session.email, email: session.email, action: 'logout', outcome: 'ok', ip });
  await ctx.imap.release(session.email);
}

const ADDRESS = /^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$/;

export function loggableAccount(typed: string): string {
  return ADDRESS.test(typed)
    ? typed
    : `not-an-address:${createHash('sha256').update(typed).digest('hex').slice(0, 16)}`;
}
