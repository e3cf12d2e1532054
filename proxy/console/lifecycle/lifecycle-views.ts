import type {
  LifecycleAccountStatus,
  LifecycleRun as LifecycleRunView,
  LifecycleToday,
  LifecycleUpcoming,
} from '../../../common/contract';
import type { LifecycleEvent } from '../../../common/policy/account-lifecycle';
import {
  parseVietnameseDay,
  startOfVietnamDay,
  type VietnamDate,
  vietnamDateOf,
} from '../../../common/policy/vietnam-date';
import type { AccountRecord } from '../../accounts/account-store';
import type { AppContext } from '../../app-context';
import { ApiError } from '../../errors';
import { assertAccountVisible } from '../console-guard';
import { unitInScope } from '../roles';
import { eventView, lifecyclePolicyOf } from './lifecycle-account';
import { type LifecycleDeps, lifecycleStatus } from './lifecycle-actions';
import { type LifecycleRun, planLifecycle, upcomingLifecycle } from './lifecycle-job';

/**
 * What the console reads of the lifecycle, as the viewer may see it: a unit manager only their
 * units' accounts (`units`; null = every account).
 */
type Units = ReadonlySet<string> | null;

const inScope =
  (units: Units) =>
  (r: { unitCode: string | null }): boolean =>
    unitInScope(units, r.unitCode);

/**
 * The moment the dry run is computed for: now, or — `on`, a later day typed as dd/MM/yyyy or
 * yyyy-mm-dd — the job as it would run at 00:00 of that day (a preview; nothing is done).
 */
export function previewMoment(on: string | undefined, now: Date): Date {
  if (!on) return now;
  const day = parseVietnameseDay(on, { iso: true });
  if (!day) throw new ApiError('validation_failed');
  return startOfVietnamDay(day);
}

/** The daily job's dry run: what it would do at `previewMoment`. */
export async function lifecycleToday(
  ctx: Pick<AppContext, 'accounts' | 'config'>,
  units: Units,
  on: string | undefined,
  now = new Date(),
): Promise<LifecycleToday> {
  const at = previewMoment(on, now);
  return {
    now: at.toISOString(),
    day: vietnamDateOf(at),
    jobHour: ctx.config.console.lifecycleJobHour,
    actions: planLifecycle(
      (await ctx.accounts.list()).filter(inScope(units)),
      at,
      lifecyclePolicyOf(ctx.config),
    ),
  };
}

/** Every action due in the coming `days`. */
export async function lifecycleUpcoming(
  ctx: Pick<AppContext, 'accounts' | 'config'>,
  units: Units,
  days: number,
  now = new Date(),
): Promise<LifecycleUpcoming> {
  const accounts = (await ctx.accounts.list()).filter(inScope(units));
  return { days, actions: upcomingLifecycle(accounts, now, days, lifecyclePolicyOf(ctx.config)) };
}

export const runView = (run: LifecycleRun): LifecycleRunView => ({ ...run, ranAt: run.ranAt.toISOString() });

/** The job's last runs, each with only the actions on accounts in scope. */
export async function lifecycleRuns(
  ctx: Pick<AppContext, 'lifecycleRuns'>,
  units: Units,
): Promise<LifecycleRunView[]> {
  return (await ctx.lifecycleRuns.list()).map((run) =>
    runView({ ...run, actions: run.actions.filter(inScope(units)) }),
  );
}

/** One account's lifecycle: 404 when unknown, and also outside a unit manager's units. */
export async function lifecycleAccount(
  deps: LifecycleDeps,
  email: string,
  units: Units,
): Promise<LifecycleAccountStatus> {
  const { record, schedule, restoreDeadlineOn } = await lifecycleStatus(deps, email);
  assertAccountVisible(units, record.unitCode);
  return lifecycleStatusView(record, schedule, restoreDeadlineOn);
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A stored account and its schedule as the console's answer carries them (instants as ISO text). */
export function lifecycleStatusView(
  record: AccountRecord,
  schedule: readonly LifecycleEvent[],
  restoreDeadlineOn: VietnamDate | null,
): LifecycleAccountStatus {
  return {
    email: record.email,
    fullName: record.fullName,
    unitCode: record.unitCode,
    kind: record.kind,
    state: record.state,
    stateReason: record.stateReason,
    sendingLockedReason: record.sendingLockedReason,
    createdAt: record.createdAt.toISOString(),
    lastLoginAt: iso(record.lastLoginAt),
    lastSentAt: iso(record.lastSentAt),
    departure: record.departure,
    inactivityExemption: record.inactivityExemption
      ? { reason: record.inactivityExemption.reason, until: iso(record.inactivityExemption.until) }
      : null,
    exportedAt: iso(record.exportedAt),
    exportFile: record.exportFile,
    restoreRequestedAt: iso(record.restoreRequestedAt),
    restoreDeadlineOn,
    schedule: schedule.map(eventView),
  };
}
