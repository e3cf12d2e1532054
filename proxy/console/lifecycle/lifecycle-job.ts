import type { FastifyBaseLogger } from 'fastify';
import {
  type LifecycleEvent,
  type LifecyclePolicy,
  lifecycleActions,
  nextLifecycleEvents,
} from '../../../common/policy/account-lifecycle';
import { vietnamDateOf } from '../../../common/policy/vietnam-date';
import type { AccountRecord } from '../../accounts/account-store';
import { type Actor, setAccountState, setSendingLock } from '../../accounts/admin-actions';
import { providerAccountsReconciled } from '../../accounts/provider-state-sync';
import type { AppContext } from '../../app-context';
import { ApiError } from '../../errors';
import { daySlot } from '../../jobs/job-slot';
import type { ScheduledJob } from '../../jobs/schedule';
import { eventView, lifecycleAccountOf, lifecyclePolicyOf } from './lifecycle-account';
import {
  exportAccountMailbox,
  type LifecycleDeps,
  revokeAccount,
  sendingLockReason,
} from './lifecycle-actions';
import type { LifecycleRun, PlannedAction, RunAction } from './lifecycle-run';

export type { LifecycleRun, PlannedAction, RunAction };

const planned = (record: AccountRecord, e: LifecycleEvent): PlannedAction => ({
  email: record.email,
  unitCode: record.unitCode,
  ...eventView(e),
});

/** What the job does at `now`: every account's due actions, in the policy's order. PURE. */
export function planLifecycle(records: AccountRecord[], now: Date, policy: LifecyclePolicy): PlannedAction[] {
  return records.flatMap((r) =>
    lifecycleActions(lifecycleAccountOf(r), now, policy).map((e) => planned(r, e)),
  );
}

/** What happens after `now` and up to `days` days later: "what will happen and when". PURE. */
export function upcomingLifecycle(
  records: AccountRecord[],
  now: Date,
  days: number,
  policy: LifecyclePolicy,
): PlannedAction[] {
  const until = now.getTime() + days * 86_400_000;
  return records
    .flatMap((r) =>
      nextLifecycleEvents(lifecycleAccountOf(r), now, policy)
        .filter((e) => e.dueAt.getTime() <= until)
        .map((e) => ({ at: e.dueAt.getTime(), action: planned(r, e) })),
    )
    .sort((a, b) => a.at - b.at)
    .map((x) => x.action);
}

/**
 * The daily job (Đ5.3b, Đ6.2a): carries out every due action, or — dry run — only lists them.
 * One account's failure never stops the others; a failed export blocks that account's
 * revocation. Each run is kept in lifecycle_runs with every action's outcome.
 */
export async function runLifecycleJob(
  deps: LifecycleDeps & Pick<AppContext, 'lifecycleRuns'>,
  options: { now: Date; dryRun: boolean; actor: Actor },
): Promise<LifecycleRun> {
  const { now, dryRun, actor } = options;
  const policy = lifecyclePolicyOf(deps.config);
  const plan = planLifecycle(await deps.accounts.list(), now, policy);
  const actions: RunAction[] = [];
  const exported = new Set<string>();
  const failedExport = new Set<string>();

  for (const action of plan) {
    if (!action.automatic) {
      actions.push({ ...action, outcome: 'listed' });
      continue;
    }
    if (dryRun) {
      actions.push({ ...action, outcome: 'would_do' });
      continue;
    }
    if (action.kind === 'revoke' && failedExport.has(action.email)) {
      actions.push({ ...action, outcome: 'blocked' });
      continue;
    }
    try {
      await carryOut(deps, action, actor, now, exported);
      actions.push({ ...action, outcome: 'ok' });
    } catch (error) {
      if (action.kind === 'export') failedExport.add(action.email);
      actions.push({ ...action, outcome: error instanceof ApiError ? error.code : 'internal_error' });
    }
  }

  const run = await deps.lifecycleRuns.record({ dryRun, actor: actor.name, actions });
  const failed = actions.filter((a) => !['ok', 'would_do', 'listed'].includes(a.outcome)).length;
  await deps.audit.record({
    actor: actor.name,
    email: '*',
    action: 'lifecycle_job',
    outcome: failed > 0 ? 'partial' : 'ok',
    ip: actor.ip,
    details: { dryRun, actions: actions.length, failed, day: vietnamDateOf(now) },
  });
  return run;
}

async function carryOut(
  deps: LifecycleDeps,
  action: PlannedAction,
  actor: Actor,
  now: Date,
  exported: Set<string>,
): Promise<void> {
  const record = await deps.accounts.get(action.email);
  if (!record) throw new ApiError('account_not_found');
  switch (action.kind) {
    case 'lock_sending':
      if (!record.departure) throw new ApiError('account_state_invalid');
      await setSendingLock(deps, record.email, sendingLockReason(record.departure), actor);
      return;
    case 'suspend_inactive':
      // Đ6.2a: the reason code the console and the holder's error message both know.
      await setAccountState(deps, record.email, 'suspended', 'inactive', actor);
      await deps.imap.release(record.email).catch(() => undefined);
      return;
    case 'export':
      await exportAccountMailbox(deps, record.email, actor, now);
      exported.add(record.email);
      return;
    case 'revoke':
      // Runs after this account's export in the same run (the plan's order), or on an export
      // the policy accepted; otherwise revokeAccount exports first.
      await revokeAccount(
        deps,
        record.email,
        { exported: exported.has(record.email) || (action.blockedBy === null && record.exportedAt !== null) },
        actor,
        now,
      );
      return;
    case 'review_restore':
      return;
  }
}

const HOUR = 3_600_000;
/** Viet Nam keeps UTC+7 all year. */
const VIETNAM_OFFSET = 7 * HOUR;

/** The next instant at `hour`:00 in Viet Nam strictly after `now`. */
export function nextRunAt(now: Date, hour: number): Date {
  const local = now.getTime() + VIETNAM_OFFSET;
  const dayStart = local - (local % (24 * HOUR));
  let at = dayStart + hour * HOUR;
  if (at <= local) at += 24 * HOUR;
  return new Date(at - VIETNAM_OFFSET);
}

/**
 * Mailboxes that exist only at the provider (made before the console, or by hand) get a policy
 * record, so that Đ6.2a's six months of silence start counting for them too — from the day the
 * job first saw them, since the provider keeps no log-in history.
 */
export async function adoptProviderAccounts(deps: Pick<LifecycleDeps, 'accounts' | 'passwordDriver'>) {
  for (const account of await deps.passwordDriver.listAccounts()) await deps.accounts.ensure(account.email);
}

/**
 * Đ5.3b, Đ6.2a: the job for the schedule, once a day at LIFECYCLE_JOB_HOUR (Viet Nam time), one
 * run per calendar day across every instance; null (and a log line) when set to -1.
 */
export function lifecycleScheduledJob(
  deps: Parameters<typeof runLifecycleJob>[0],
  log: Pick<FastifyBaseLogger, 'info' | 'warn'>,
): ScheduledJob | null {
  const hour = deps.config.console.lifecycleJobHour;
  if (hour < 0) {
    log.info('lifecycle job off on this proxy: LIFECYCLE_JOB_HOUR=-1');
    return null;
  }
  return {
    name: 'lifecycle',
    next: (now) => nextRunAt(new Date(now), hour).getTime(),
    slot: (dueAt) => daySlot(new Date(dueAt), deps.config.org.timeZone),
    // A run over thousands of mailboxes takes minutes; one stuck for hours is taken over.
    leaseMs: 3 * 60 * 60_000,
    async run() {
      await adoptProviderAccounts(deps);
      await providerAccountsReconciled(deps);
      const run = await runLifecycleJob(deps, {
        now: new Date(),
        dryRun: false,
        actor: { name: 'system:lifecycle-job' },
      });
      log.info({ actions: run.actions.length }, 'lifecycle job ran');
      return run;
    },
  };
}
