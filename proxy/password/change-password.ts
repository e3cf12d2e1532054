import { evaluatePassword } from '../../common/policy/password-rules';
import type { AppContext } from '../app-context';
import type { ActiveSession } from '../auth/session-store';
import { ApiError } from '../errors';
import { DriverError } from './drivers/password-driver';
import { hashForHistory, matchesHistoryHash } from './password-hash';
import { passwordPolicyOf } from './password-policy';

export interface PasswordChange {
  current: string;
  next: string;
}

/**
 * Đ9 + Đ13.3: the rules first (no secret needed), then the current password at the provider,
 * then the history, and only then the provider is changed. Every refusal is audited with its code;
 * the session goes on with the new password and the account's other sessions end.
 */
export async function changePassword(
  ctx: AppContext,
  session: ActiveSession,
  sessionCookie: string,
  change: PasswordChange,
  ip: string,
): Promise<void> {
  const { email } = session;
  const audit = (outcome: string, details?: Record<string, string | number>) =>
    ctx.audit.record({ actor: email, email, action: 'password_change', outcome, ip, details });
  const refuse = async (error: ApiError): Promise<never> => {
    await audit(error.code);
    throw error;
  };

  if (change.next === change.current) await refuse(new ApiError('password_same_as_current'));
  const broken = evaluatePassword(change.next, { email }, passwordPolicyOf(ctx.config)).filter((r) => !r.ok);
  const first = broken[0];
  if (first) {
    await refuse(new ApiError(first.code, { ...first.params, failed: broken.map((r) => r.code).join(',') }));
  }

  await verifyCurrentPassword(ctx, email, change.current, ip, refuse);

  // The current password (hashed at its own change) and the `keep` before it.
  const keep = ctx.config.passwordHistoryCount;
  const history = await ctx.accounts.passwordHistory(email, keep + 1);
  for (const hash of history) {
    if (await matchesHistoryHash(change.next, hash))
      await refuse(new ApiError('password_reused', { count: keep }));
  }

  try {
    await ctx.passwordDriver.setPassword(email, change.next);
  } catch (error) {
    const reason = error instanceof DriverError ? error.reason : 'unexpected';
    await audit('password_change_failed', { reason });
    throw new ApiError('password_change_failed', undefined, { cause: error });
  }

  // The password in use before this change counts as an earlier one from now on.
  const remembered = history.length === 0 ? [change.current, change.next] : [change.next];
  await ctx.accounts.rememberPasswords(email, await Promise.all(remembered.map(hashForHistory)), keep + 1);
  await ctx.accounts.recordPasswordChange(email);
  await ctx.sessions.reseal(sessionCookie, change.next);
  await ctx.sessions.destroyOthers(email, session.idHash);
  await audit('ok', { driver: ctx.passwordDriver.kind });
  // The pooled connection logged in with the old password; the next request (or the live updates)
  // opens one with the new.
  await ctx.imap.release(email, { email, password: change.next });
}

/** At the provider, counted like log-in guesses: a stolen session cannot brute-force it either. */
async function verifyCurrentPassword(
  ctx: AppContext,
  email: string,
  password: string,
  ip: string,
  refuse: (error: ApiError) => Promise<never>,
): Promise<void> {
  const gate = await ctx.loginThrottle.checkAndRecordAttempt(email, ip);
  if (!gate.allowed) {
    return refuse(
      new ApiError('too_many_attempts', {
        retryAfterSeconds: gate.retryAfterSeconds,
        minutes: Math.ceil(gate.retryAfterSeconds / 60),
      }),
    );
  }
  const { attempt } = gate;
  try {
    await ctx.imap.verify({ email, password });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'invalid_credentials') {
      await ctx.loginThrottle.recordFailure(attempt);
      return refuse(new ApiError('current_password_incorrect'));
    }
    await ctx.loginThrottle.forget(attempt);
    throw error;
  }
  await ctx.loginThrottle.forget(attempt);
}
