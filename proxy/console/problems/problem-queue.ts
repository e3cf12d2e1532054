import type { ProblemReport, ProblemReportUpdate } from '../../../common/contract';
import type { Actor } from '../../accounts/admin-actions';
import type { AppContext } from '../../app-context';
import { ApiError } from '../../errors';
import type { ReportStore } from './report-store';

/** One report of the queue, or 404. */
export async function problemReportOf(reports: ReportStore, id: number): Promise<ProblemReport> {
  const report = await reports.get(id);
  if (!report) throw new ApiError('problem_report_not_found');
  return report;
}

/** An admin moves a report along the queue (Đ13.7); the change is audited under the reporter. */
export async function setProblemStatus(
  deps: Pick<AppContext, 'audit'>,
  reports: ReportStore,
  id: number,
  update: ProblemReportUpdate,
  actor: Actor,
  now: Date,
): Promise<ProblemReport> {
  const { status, resolution } = update;
  if (!(await reports.setStatus(id, status, resolution ?? null, actor.name, now))) {
    throw new ApiError('problem_report_not_found');
  }
  const report = (await reports.get(id))!;
  await deps.audit.record({
    actor: actor.name,
    email: report.reporter,
    action: 'problem_report',
    outcome: 'ok',
    ip: actor.ip,
    details: { op: status, id: report.id },
  });
  return report;
}
