import type { LifecycleActionKind, LifecycleEvent } from '../../../common/policy/account-lifecycle';
import type { VietnamDate } from '../../../common/policy/vietnam-date';

/**
 * What the daily lifecycle job (Đ5.3b, Đ6.2a) plans and does, as the job, its views and its
 * record of runs (lifecycle-runs.ts) all read it.
 */
export interface PlannedAction {
  email: string;
  unitCode: string | null;
  kind: LifecycleActionKind;
  rule: LifecycleEvent['rule'];
  dueOn: VietnamDate;
  automatic: boolean;
  blockedBy: LifecycleActionKind | null;
  deadlineOn: VietnamDate | null;
}

export interface RunAction extends PlannedAction {
  /** 'ok', 'would_do' (dry run), 'listed' (a person acts), 'blocked', or the error code. */
  outcome: string;
}

export interface LifecycleRun {
  id: number;
  ranAt: Date;
  dryRun: boolean;
  actor: string;
  actions: RunAction[];
}
