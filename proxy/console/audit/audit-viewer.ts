import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { AuditPage, AuditQuery } from '../../../common/contract';
import auditTexts from '../../../common/i18n/console/audit/vi.json' with { type: 'json' };
import appTexts from '../../../common/i18n/vi.json' with { type: 'json' };
import { vietnameseDateTime } from '../../../common/policy/vietnam-date';
import type { AppContext } from '../../app-context';
import type { AuditFilter, StoredAuditEntry } from '../../audit/audit-log';
import { auditExport } from '../console-guard';
import { csvLine } from '../csv-text';

type Ctx = Pick<AppContext, 'audit' | 'config'>;

/** The query's filters, narrowed to a unit manager's units (entries about their accounts only). */
export function auditFilter(req: FastifyRequest, query: Omit<AuditQuery, 'offset' | 'limit'>): AuditFilter {
  const units = req.consoleUser?.units;
  return {
    account: query.account || undefined,
    action: query.action,
    outcome: query.outcome,
    actor: query.actor || undefined,
    from: query.from,
    to: query.to,
    units: units ? [...units] : null,
  };
}

const view = (e: StoredAuditEntry) => ({ ...e, at: e.at.toISOString() });

export async function auditPage(ctx: Ctx, req: FastifyRequest, query: AuditQuery): Promise<AuditPage> {
  const { entries, total } = await ctx.audit.query(auditFilter(req, query), query);
  return {
    entries: entries.map(view),
    total,
    offset: query.offset,
    limit: query.limit,
    retentionMonths: ctx.config.auditRetentionMonths,
  };
}

const actionLabels: Record<string, string> = auditTexts.actions;
const errorTexts: Record<string, string> = appTexts.errors;

/** The outcome as the viewer shows it: ok, or the message the user was given for that code. */
function outcomeText(entry: StoredAuditEntry): string {
  if (entry.outcome === 'ok') return auditTexts.outcomes.ok;
  const message = errorTexts[entry.outcome];
  if (!message) return entry.outcome;
  const values = Object.fromEntries(Object.entries(entry.details ?? {}).map(([k, v]) => [k, String(v)]));
  const filled = message.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '…');
  return `${auditTexts.outcomes.refused}: ${filled}`;
}

/** Every matching entry as CSV in Vietnamese, streamed row by row (six months can be large). */
export function auditCsv(ctx: Ctx, filter: AuditFilter): Readable {
  const c = auditTexts.columns;
  const timeZone = ctx.config.org.timeZone;
  async function* lines() {
    yield `\uFEFF${csvLine([c.at, c.actor, c.account, c.action, c.outcome, c.ip, c.details])}`;
    for await (const e of ctx.audit.iterate(filter)) {
      yield csvLine([
        vietnameseDateTime(e.at, { timeZone }),
        e.actor,
        e.email,
        actionLabels[e.action] ?? e.action,
        outcomeText(e),
        e.ip,
        e.details ? JSON.stringify(e.details) : null,
      ]);
    }
  }
  return Readable.from(lines());
}

/**
 * The CSV of the viewer's filters, named for its dates. It holds addresses and IPs of many people,
 * so who took it is itself audited.
 */
export async function exportAuditLog(
  ctx: Ctx,
  req: FastifyRequest,
  query: Omit<AuditQuery, 'offset' | 'limit'>,
): Promise<{ fileName: string; body: Readable }> {
  const { from, to } = query;
  const fileName = `nhat-ky${from ? `-tu-${from}` : ''}${to ? `-den-${to}` : ''}.csv`;
  await auditExport(ctx, req, { report: 'audit_csv', ...stringsOf(query) });
  return { fileName, body: auditCsv(ctx, auditFilter(req, query)) };
}

/** The query's set filters as audit details (strings and numbers only). */
function stringsOf(query: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(query)) {
    if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  }
  return out;
}
