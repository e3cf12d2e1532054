import { existsSync } from 'node:fs';
import path from 'node:path';
import lifecycleTexts from '../../../common/i18n/console/lifecycle/vi.json' with { type: 'json' };
import {
  checkSuspension,
  type DepartureLevel,
  type DepartureReason,
  lifecycleSchedule,
} from '../../../common/policy/account-lifecycle';
import {
  parseVietnameseDay,
  startOfVietnamDay,
  type VietnamDate,
  vietnamDateOf,
  vietnameseDay,
} from '../../../common/policy/vietnam-date';
import { addWorkingDays } from '../../../common/policy/working-days';
import type { AccountRecord } from '../../accounts/account-store';
import { type Actor, resetPassword, setAccountState, setSendingLock } from '../../accounts/admin-actions';
import type { AppContext } from '../../app-context';
import type { AuditAction } from '../../audit/audit-log';
import { ApiError } from '../../errors';
import { interpolate } from '../../i18n/catalogue';
import { DoveadmError } from '../../quota-warnings/doveadm-quota';
import { createTemplatesStore } from '../../templates/templates-store';
import { lifecycleAccountOf, lifecyclePolicyOf } from './lifecycle-account';
import { exportMailbox, type MailboxExport } from './mailbox-export';

export type LifecycleDeps = Pick<
  AppContext,
  'config' | 'accounts' | 'audit' | 'sessions' | 'passwordDriver' | 'requests' | 'imap' | 'store'
> &
  Partial<Pick<AppContext, 'contacts'>>;

async function known(deps: LifecycleDeps, email: string): Promise<AccountRecord> {
  const record = await deps.accounts.get(email.normalize('NFC').toLowerCase());
  if (!record) throw new ApiError('account_not_found');
  return record;
}

async function audit(
  deps: LifecycleDeps,
  actor: Actor,
  email: string,
  action: AuditAction,
  details: Record<string, string | number | boolean> = {},
  outcome = 'ok',
) {
  await deps.audit.record({ actor: actor.name, email, action, outcome, ip: actor.ip, details });
}

/** A unit's request the action answers (Đ5.2): it must be open, and is closed by the action. */
async function openRequest(deps: LifecycleDeps, requestId: number | undefined) {
  if (requestId === undefined) return;
  const request = await deps.requests.get(requestId);
  if (request?.status !== 'open') throw new ApiError('request_not_found');
}
async function completeRequest(
  deps: LifecycleDeps,
  requestId: number | undefined,
  outcome: string,
  actor: Actor,
) {
  if (requestId !== undefined) await deps.requests.complete(requestId, outcome, actor.name);
}

/** Đ5.3b: the text the holder reads when sending is refused. */
export function sendingLockReason(departure: NonNullable<AccountRecord['departure']>): string {
  return interpolate(lifecycleTexts.sendingLockReason, {
    date: vietnameseDay(departure.on),
    reason: lifecycleTexts.reasons[departure.reason],
  });
}

const LEVELS: DepartureLevel[] = ['staff', 'head'];
const REASONS: DepartureReason[] = ['retired', 'resigned', 'transferred_out'];

/** Đ5.3b: the official date, level and reason; the daily job draws the calendar from them. */
export async function recordDeparture(
  deps: LifecycleDeps,
  email: string,
  input: { on: string; level: string; reason: string; requestId?: number },
  actor: Actor,
) {
  const record = await known(deps, email);
  const on = parseVietnameseDay(input.on, { iso: true });
  const level = input.level as DepartureLevel;
  const reason = input.reason as DepartureReason;
  if (!on || !LEVELS.includes(level) || !REASONS.includes(reason) || record.kind !== 'personal') {
    throw new ApiError('departure_invalid');
  }
  if (record.state === 'revoked') throw new ApiError('account_state_invalid');
  await openRequest(deps, input.requestId);
  await deps.accounts.setProfile(record.email, { departure: { on, level, reason } });
  await audit(deps, actor, record.email, 'departure', {
    on,
    level,
    reason,
    ...(input.requestId ? { requestId: input.requestId } : {}),
  });
  await completeRequest(deps, input.requestId, `departure ${record.email} ${on}`, actor);
}

/** A departure recorded by mistake: the calendar goes, and the sending lock it caused. */
export async function cancelDeparture(deps: LifecycleDeps, email: string, actor: Actor) {
  const record = await known(deps, email);
  if (!record.departure) return;
  await deps.accounts.setProfile(record.email, { departure: null });
  if (record.sendingLockedReason === sendingLockReason(record.departure)) {
    await setSendingLock(deps, record.email, null, actor);
  }
  await audit(deps, actor, record.email, 'departure', { cancelled: true });
}

/** Đ6.2a "mà không thông báo lý do": a reason given keeps the mailbox open (until a date, or for good). */
export async function setInactivityExemption(
  deps: LifecycleDeps,
  email: string,
  input: { reason: string; until?: string | null } | null,
  actor: Actor,
) {
  const record = await known(deps, email);
  if (input === null) {
    await deps.accounts.setProfile(record.email, { inactivityExemption: null });
    await audit(deps, actor, record.email, 'inactivity_exemption', { removed: true });
    return;
  }
  const reason = input.reason.normalize('NFC').trim();
  const until = input.until?.trim() ? parseVietnameseDay(input.until, { iso: true }) : null;
  if (!reason || (input.until?.trim() && !until)) throw new ApiError('validation_failed');
  await deps.accounts.setProfile(record.email, {
    inactivityExemption: { reason, until: until ? startOfVietnamDay(until) : null },
  });
  await audit(deps, actor, record.email, 'inactivity_exemption', { reason, ...(until ? { until } : {}) });
}

/** Đ6.2b, Đ6.2c: an admin's suspension, on one of the regulation's grounds. */
export async function suspendAccount(
  deps: LifecycleDeps,
  email: string,
  input: { reason: string; note?: string | null; requestId?: number },
  actor: Actor,
) {
  const record = await known(deps, email);
  const [problem] = checkSuspension(input);
  if (problem) throw new ApiError(problem);
  if (record.state !== 'active') throw new ApiError('account_state_invalid');
  await openRequest(deps, input.requestId);
  const note = input.note?.normalize('NFC').trim();
  await setAccountState(
    deps,
    record.email,
    'suspended',
    note ? `${input.reason}: ${note}` : input.reason,
    actor,
  );
  await deps.imap.release(record.email).catch(() => undefined);
  await completeRequest(deps, input.requestId, `account_state suspended ${record.email}`, actor);
}

/** Đ6.3a: the request to restore as received; Đ6.3b gives the Sở one working day. */
export async function recordRestoreRequest(
  deps: LifecycleDeps,
  email: string,
  input: { receivedOn?: string | null; requestId?: number },
  actor: Actor,
  now: Date = new Date(),
): Promise<{ deadlineOn: VietnamDate }> {
  const record = await known(deps, email);
  if (record.state !== 'suspended') throw new ApiError('account_state_invalid');
  const day = input.receivedOn?.trim() ? parseVietnameseDay(input.receivedOn, { iso: true }) : null;
  if (input.receivedOn?.trim() && !day) throw new ApiError('validation_failed');
  await openRequest(deps, input.requestId);
  // A date typed without a time: the request counts from that morning.
  const receivedAt = day && day !== vietnamDateOf(now) ? startOfVietnamDay(day) : now;
  await deps.accounts.setProfile(record.email, { restoreRequestedAt: receivedAt });
  const policy = lifecyclePolicyOf(deps.config);
  const deadlineOn = addWorkingDays(
    vietnamDateOf(receivedAt),
    policy.restoreWithinWorkingDays,
    policy.holidays,
  );
  await audit(deps, actor, record.email, 'restore_request', {
    receivedOn: vietnamDateOf(receivedAt),
    deadlineOn,
    ...(input.requestId ? { requestId: input.requestId } : {}),
  });
  return { deadlineOn };
}

/**
 * Đ6.3 "verify & restore": once the Sở has verified, the mailbox is reactivated with a new
 * temporary password (Đ6.3c) that must be changed at the first log-in; shown once, never stored.
 */
export async function verifyAndRestore(
  deps: LifecycleDeps,
  email: string,
  input: { requestId?: number },
  actor: Actor,
): Promise<{ temporaryPassword: string }> {
  const record = await known(deps, email);
  if (record.state !== 'suspended') throw new ApiError('account_state_invalid');
  await openRequest(deps, input.requestId);
  await setAccountState(deps, record.email, 'active', null, actor);
  const temporaryPassword = await resetPassword(deps, record.email, actor);
  await deps.accounts.setProfile(record.email, { restoreRequestedAt: null });
  await completeRequest(deps, input.requestId, `restore ${record.email}`, actor);
  return { temporaryPassword };
}

/** Đ5.3b: the whole mailbox into an archive under DATA_DIR/exports, recorded on the account. */
export async function exportAccountMailbox(
  deps: LifecycleDeps,
  email: string,
  actor: Actor,
  now: Date = new Date(),
): Promise<MailboxExport> {
  const record = await known(deps, email);
  const target = {
    url: deps.config.quotaWarnings.doveadmUrl ?? '',
    apiKey: deps.config.quotaWarnings.doveadmApiKey,
    timeoutMs: 600_000,
  };
  const started = Date.now();
  let result: MailboxExport;
  try {
    result = await exportMailbox(target, record.email, deps.config.exportsDir, now);
  } catch (error) {
    const reason = error instanceof DoveadmError ? error.code : 'unexpected';
    await audit(deps, actor, record.email, 'mailbox_export', { reason }, 'export_failed');
    throw new ApiError('export_failed', undefined, { cause: error });
  }
  await deps.accounts.setProfile(record.email, { exportedAt: now, exportFile: result.file });
  await audit(deps, actor, record.email, 'mailbox_export', {
    file: result.file,
    bytes: result.bytes,
    messages: result.messages,
    folders: result.folders,
    ms: Date.now() - started,
  });
  return result;
}

/** The archive to download: only a file the console itself recorded, never a path from the request. */
export async function exportFileOf(
  deps: LifecycleDeps,
  email: string,
): Promise<{ path: string; name: string }> {
  const record = await known(deps, email);
  if (!record.exportFile) throw new ApiError('export_not_found');
  const file = path.join(deps.config.exportsDir, path.basename(record.exportFile));
  if (!existsSync(file)) throw new ApiError('export_not_found');
  return { path: file, name: path.basename(record.exportFile) };
}

/**
 * Đ5.3b: revocation — the provider's nologin for good. Never without a successful export:
 * unless `exported` says this very run made one, the mailbox is exported first, and an export
 * failure leaves the account as it was.
 */
export async function revokeAccount(
  deps: LifecycleDeps,
  email: string,
  input: { requestId?: number; exported?: boolean },
  actor: Actor,
  now: Date = new Date(),
): Promise<{ export: MailboxExport | null }> {
  const record = await known(deps, email);
  if (record.state === 'revoked') throw new ApiError('account_state_invalid');
  await openRequest(deps, input.requestId);
  const made = input.exported ? null : await exportAccountMailbox(deps, record.email, actor, now);
  await setAccountState(deps, record.email, 'revoked', 'revoked', actor);
  // The user's own things in the store go with the account; the mail was handed over above.
  await createTemplatesStore(deps.store.db).removeAllOf(record.email);
  await deps.imap.release(record.email).catch(() => undefined);
  await completeRequest(deps, input.requestId, `account_state revoked ${record.email}`, actor);
  return { export: made };
}

/** What the console shows of one account: its lifecycle fields and every action to come. */
export async function lifecycleStatus(deps: LifecycleDeps, email: string) {
  const record = await known(deps, email);
  const policy = lifecyclePolicyOf(deps.config);
  const restoreDeadlineOn = record.restoreRequestedAt
    ? addWorkingDays(
        vietnamDateOf(record.restoreRequestedAt),
        policy.restoreWithinWorkingDays,
        policy.holidays,
      )
    : null;
  return {
    record,
    schedule: lifecycleSchedule(lifecycleAccountOf(record), policy),
    restoreDeadlineOn,
  };
}
