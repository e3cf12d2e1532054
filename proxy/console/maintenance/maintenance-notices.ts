import type { MaintenanceNotice, NewMaintenanceNotice } from '../../../common/contract';
import type { Actor } from '../../accounts/admin-actions';
import type { AppContext } from '../../app-context';
import { ApiError } from '../../errors';
import type { NoticeStore } from './notice-store';
import { checkMaintenanceNotice, consoleNotice } from './schedule-notice';

type Deps = Pick<AppContext, 'audit' | 'config'>;

const audit = (deps: Deps, actor: Actor, outcome: string, details: Record<string, string | number>) =>
  deps.audit.record({
    actor: actor.name,
    email: actor.name,
    action: 'maintenance_notice',
    outcome,
    ip: actor.ip,
    details,
  });

/** Đ8.1c: a planned outage, announced early enough (a refusal is audited too). */
export async function scheduleMaintenance(
  deps: Deps,
  notices: NoticeStore,
  input: NewMaintenanceNotice,
  actor: Actor,
  now: Date,
): Promise<MaintenanceNotice> {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  try {
    checkMaintenanceNotice(now, startsAt, endsAt, deps.config.holidays);
  } catch (err) {
    if (err instanceof ApiError)
      await audit(deps, actor, err.code, { op: 'create', startsAt: startsAt.toISOString() });
    throw err;
  }
  const created = await notices.create({ startsAt, endsAt, message: input.message }, actor.name, now);
  await audit(deps, actor, 'ok', {
    op: 'create',
    id: created.id,
    startsAt: created.startsAt.toISOString(),
    endsAt: created.endsAt.toISOString(),
  });
  return consoleNotice(created, now);
}

/** Cancels a notice not yet over; 404 when there is nothing left to cancel. */
export async function cancelMaintenance(
  deps: Deps,
  notices: NoticeStore,
  id: number,
  actor: Actor,
  now: Date,
): Promise<MaintenanceNotice> {
  if (!(await notices.cancel(id, actor.name, now))) throw new ApiError('notice_not_found');
  await audit(deps, actor, 'ok', { op: 'cancel', id });
  return consoleNotice((await notices.get(id))!, now);
}
