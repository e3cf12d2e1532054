import type { AccountRecord, Role } from '../../accounts/account-store';
import { type Actor, resetPassword } from '../../accounts/admin-actions';
import type { AppContext } from '../../app-context';
import { ApiError } from '../../errors';
import { DriverError } from '../../password/drivers/password-driver';
import { quotaBelowMinimum } from './create-account';

function providerError(error: unknown): ApiError {
  if (error instanceof DriverError && error.reason === 'no_such_account') {
    return new ApiError('account_not_found', undefined, { cause: error });
  }
  return new ApiError('provider_account_failed', undefined, { cause: error });
}

/**
 * Name, unit and title as the console records them. The address stays: it was given by Đ4
 * once, and mail already written to it must keep arriving (a move gets a new account).
 */
export async function updateProfile(
  ctx: Pick<AppContext, 'accounts' | 'units' | 'audit'>,
  email: string,
  change: { fullName?: string | undefined; unitCode?: string | undefined; title?: string | null | undefined },
  actor: Actor,
): Promise<AccountRecord> {
  if (change.unitCode !== undefined && !(await ctx.units.get(change.unitCode))) {
    throw new ApiError('unit_not_found', { code: change.unitCode });
  }
  const record = await ctx.accounts.setProfile(email, {
    ...(change.fullName !== undefined ? { fullName: change.fullName.normalize('NFC').trim() } : {}),
    ...(change.unitCode !== undefined ? { unitCode: change.unitCode } : {}),
    ...(change.title !== undefined ? { title: change.title?.normalize('NFC').trim() || null } : {}),
  });
  const details: Record<string, string> = {};
  for (const [k, v] of Object.entries(change)) if (v !== undefined) details[k] = v ?? '';
  await ctx.audit.record({
    actor: actor.name,
    email: record.email,
    action: 'account_update',
    outcome: 'ok',
    ip: actor.ip,
    details,
  });
  return record;
}

/** Đ7.2b: at least the minimum (2 GB); set at the provider where the driver can. */
export async function setQuota(
  ctx: Pick<AppContext, 'accounts' | 'audit' | 'passwordDriver' | 'config'>,
  email: string,
  quotaBytes: number,
  actor: Actor,
): Promise<{ quotaBytes: number; atProvider: boolean }> {
  if (quotaBytes < ctx.config.limits.quotaMinBytes) throw quotaBelowMinimum(ctx.config.limits.quotaMinBytes);
  let atProvider: boolean;
  try {
    atProvider = await ctx.passwordDriver.setQuota(email, quotaBytes);
  } catch (error) {
    throw providerError(error);
  }
  await ctx.accounts.setProfile(email, { quotaBytes });
  await ctx.audit.record({
    actor: actor.name,
    email,
    action: 'account_update',
    outcome: 'ok',
    ip: actor.ip,
    details: { quotaBytes, atProvider },
  });
  return { quotaBytes, atProvider };
}

/**
 * Console roles (Đ5.1). A unit manager's scope is their own unit, so one without a unit is
 * refused; an admin cannot take their own admin role (the console would lose its last admin).
 */
export async function setRole(
  ctx: Pick<AppContext, 'accounts' | 'audit'>,
  record: AccountRecord,
  role: Role,
  actor: Actor,
): Promise<AccountRecord> {
  if (record.email === actor.name.toLowerCase() && record.role === 'admin' && role !== 'admin') {
    throw new ApiError('own_admin_role');
  }
  if (role === 'unit_manager' && !record.unitCode) throw new ApiError('unit_not_found');
  const updated = await ctx.accounts.setProfile(record.email, { role });
  await ctx.audit.record({
    actor: actor.name,
    email: record.email,
    action: 'role_change',
    outcome: 'ok',
    ip: actor.ip,
    details: { from: record.role, to: role },
  });
  return updated;
}

/** Đ6.3c through the console: a temporary password shown once; the holder must change it. */
export async function resetAccountPassword(ctx: AppContext, email: string, actor: Actor): Promise<string> {
  try {
    return await resetPassword(ctx, email, actor);
  } catch (error) {
    throw providerError(error);
  }
}
