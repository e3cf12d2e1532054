import type { AppContext } from '../app-context';
import { DriverError } from '../password/drivers/password-driver';
import { passwordPolicyOf } from '../password/password-policy';
import { temporaryPassword } from '../password/temporary-password';
import type { AccountState } from './account-store';

/** What an admin action needs: the admin command today, the Sở TT&TT console later. */
export type AdminDeps = Pick<AppContext, 'config' | 'accounts' | 'audit' | 'sessions' | 'passwordDriver'> &
  Partial<Pick<AppContext, 'contacts'>>;

export interface Actor {
  /** e.g. 'admin:cli' or the admin's own address. */
  name: string;
  ip?: string;
}

/**
 * Đ6.3c: a temporary password that satisfies Đ9, set at the provider, shown once to the
 * admin and never stored; the account must change it at its first log-in, and every session of
 * the account ends (whoever held them no longer knows the password).
 */
export async function resetPassword(deps: AdminDeps, email: string, actor: Actor): Promise<string> {
  const address = email.normalize('NFC').toLowerCase();
  const password = temporaryPassword({ email: address }, passwordPolicyOf(deps.config));
  const audit = (outcome: string, details?: Record<string, string>) =>
    deps.audit.record({
      actor: actor.name,
      email: address,
      action: 'password_reset',
      outcome,
      ip: actor.ip,
      details,
    });
  try {
    await deps.passwordDriver.setPassword(address, password);
  } catch (error) {
    await audit('password_change_failed', {
      reason: error instanceof DriverError ? error.reason : 'unexpected',
    });
    throw error;
  }
  await deps.accounts.recordPasswordReset(address);
  await deps.sessions.destroyAllFor(address);
  await audit('ok');
  return password;
}

/**
 * Đ6.1, Đ6.2: suspended accounts keep receiving mail but cannot log in; revoked ones cannot log in
 * at all. The policy store always records the state; the provider too where the driver can.
 */
export async function setAccountState(
  deps: AdminDeps,
  email: string,
  state: AccountState,
  reason: string | null,
  actor: Actor,
): Promise<{ atProvider: boolean }> {
  const address = email.normalize('NFC').toLowerCase();
  const cleanReason = reason?.normalize('NFC').trim() || null;
  const atProvider = await deps.passwordDriver.setSuspended(
    address,
    state === 'active' ? null : (cleanReason ?? (state === 'revoked' ? 'revoked' : 'suspended')),
  );
  await deps.accounts.setState(address, state, state === 'active' ? null : cleanReason);
  if (state !== 'active') await deps.sessions.destroyAllFor(address);
  // Đ6.2: a revoked account's personal data in the policy store goes with it (its mail was
  // exported before); a suspension keeps it for the user's return.
  if (state === 'revoked') await deps.contacts?.forgetOwner(address);
  await deps.audit.record({
    actor: actor.name,
    email: address,
    action: 'account_state',
    outcome: 'ok',
    ip: actor.ip,
    details: { state, ...(cleanReason ? { reason: cleanReason } : {}), atProvider },
  });
  return { atProvider };
}

/** Đ5.3b: sending locked (the account still reads); the reason is shown when the user sends. */
export async function setSendingLock(
  deps: AdminDeps,
  email: string,
  reason: string | null,
  actor: Actor,
): Promise<void> {
  const address = email.normalize('NFC').toLowerCase();
  const clean = reason?.normalize('NFC').trim() || null;
  await deps.accounts.setSendingLock(address, clean);
  await deps.audit.record({
    actor: actor.name,
    email: address,
    action: 'sending_lock',
    outcome: 'ok',
    ip: actor.ip,
    details: clean ? { locked: true, reason: clean } : { locked: false },
  });
}
