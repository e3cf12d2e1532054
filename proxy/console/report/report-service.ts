/**
 * Đ12.10: the six-monthly report as the console shows and exports it. Reads the store, the state
 * history, the provider's account list and today's usage (doveadm), then counts with the pure
 * unitReport; a unit manager's report holds only their units (and their totals).
 */

import type { ConsoleReport, ReportCountsBody } from '../../../common/contract';
import { providerAccountsReconciled } from '../../accounts/provider-state-sync';
import type { AppContext } from '../../app-context';
import { unitReport } from '../../policy/mailbox-counts-by-unit';
import type { ReportPeriod } from '../../policy/report-period';
import { DoveadmError, type MailboxQuota, readAllQuotas } from '../../quota-warnings/doveadm-quota';
import { type ReportInputs, reportAccounts, type StateChange, UNASSIGNED_UNIT } from './report-accounts';
import { defaultPeriod, periodChoices, periodId, periodInfo } from './report-periods';

export interface ReportAddress {
  address: string;
  kind: 'personal' | 'unit';
}

/** The JSON of the page plus what the documents need besides (the kind of each address). */
export interface BuiltReport {
  report: ConsoleReport;
  kinds: ReadonlyMap<string, 'personal' | 'unit'>;
}

type ReportContext = Pick<AppContext, 'accounts' | 'passwordDriver' | 'units' | 'config' | 'audit'> & {
  log?: { warn: (obj: object, msg: string) => void };
};

export async function loadReportInputs(ctx: ReportContext): Promise<ReportInputs & { usageKnown: boolean }> {
  // Reconciled before the store and its history are read: a mailbox the provider suspended is not
  // counted as in use.
  const [provider, usage] = await Promise.all([providerAccountsReconciled(ctx), readUsage(ctx)]);
  const history = new Map<string, StateChange[]>();
  for (const r of await ctx.accounts.allStateHistory()) {
    const list = history.get(r.email) ?? [];
    list.push({ state: r.state, at: r.at });
    history.set(r.email, list);
  }
  const unitMailboxes = new Map<string, string>();
  for (const unit of await ctx.units.list()) {
    if (unit.mailbox) unitMailboxes.set(unit.mailbox.toLowerCase(), unit.code);
  }
  return {
    stored: await ctx.accounts.list(),
    history,
    provider,
    usage,
    usageKnown: usage !== null,
    unitMailboxes,
    mailDomain: ctx.config.org.mailDomain,
  };
}

/** Today's usage per mailbox, or null when doveadm is not configured or does not answer. */
async function readUsage(ctx: ReportContext): Promise<Map<string, MailboxQuota> | null> {
  const { doveadmUrl, doveadmApiKey } = ctx.config.quotaWarnings;
  if (!doveadmUrl || !doveadmApiKey) return null;
  try {
    const quotas = await readAllQuotas({ url: doveadmUrl, apiKey: doveadmApiKey, timeoutMs: 30_000 });
    return new Map(quotas.map((q) => [q.email, q]));
  } catch (error) {
    if (!(error instanceof DoveadmError)) throw error;
    ctx.log?.warn({ err: error, code: error.code }, 'six-monthly report without usage');
    return null;
  }
}

/**
 * Counts for `period`; `visible` null = every unit (admins), else a unit manager's units. Units
 * are named from the unit tree, by their code when the tree does not have them.
 */
export function buildReport(
  inputs: ReportInputs & { usageKnown: boolean },
  units: ReadonlyMap<string, string>,
  period: ReportPeriod,
  visible: ReadonlySet<string> | null,
  now: Date,
): BuiltReport {
  const accounts = reportAccounts(inputs).filter((a) => visible === null || visible.has(a.unit));
  const counted = unitReport(accounts, period);
  const usage = (n: number) => (inputs.usageKnown ? n : null);
  const kinds = new Map(accounts.map((a) => [a.address, a.kind]));
  const total: ReportCountsBody = { ...counted.total, nearQuota: usage(counted.total.nearQuota) };
  return {
    kinds,
    report: {
      period: periodInfo(period, now),
      periods: periodChoices(now).map((p) => periodInfo(p, now)),
      defaultPeriod: periodId(defaultPeriod(now)),
      generatedAt: now.toISOString(),
      usageKnown: inputs.usageKnown,
      units: counted.units
        .map((u) => ({
          ...u,
          code: u.unit,
          name: units.get(u.unit) ?? u.unit,
          nearQuota: usage(u.nearQuota),
        }))
        .map(({ unit: _unit, ...row }) => row)
        .sort((a, b) => unitOrder(a) - unitOrder(b) || a.name.localeCompare(b.name, 'vi')),
      total,
    },
  };
}

/** Accounts of no known unit come last. */
const unitOrder = (row: { code: string }) => (row.code === UNASSIGNED_UNIT ? 1 : 0);

export async function sixMonthlyReport(
  ctx: ReportContext,
  period: ReportPeriod,
  visible: ReadonlySet<string> | null,
  now = new Date(),
): Promise<BuiltReport> {
  const inputs = await loadReportInputs(ctx);
  const names = new Map((await ctx.units.list()).map((u) => [u.code, u.name]));
  return buildReport(inputs, names, period, visible, now);
}
