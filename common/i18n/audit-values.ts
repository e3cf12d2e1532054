import { formatDate, formatDateTime, sizeParts } from './format';

/**
 * Audit details as people read them: "Dung lượng: 2 GB", not `quotaBytes: 2147483648`; dates
 * dd/MM/yyyy HH:mm in the province's time zone; roles, states and yes/no in words. PURE: the
 * catalogue comes in as a lookup (i18next's `t` in the browser, the JSON in the proxy) that
 * answers undefined for a key it does not have, so an unknown field still shows, as it was kept.
 */
export type CatalogueLookup = (key: string, values?: Record<string, string>) => string | undefined;

export interface AuditValueContext {
  lookup: CatalogueLookup;
  locale: string;
  timeZone?: string;
}

export interface AuditDetailLine {
  key: string;
  label: string;
  value: string;
}

type Details = Record<string, string | number | boolean | null | undefined>;

/** Fields counted in bytes. */
const BYTE_FIELDS = new Set(['quotaBytes', 'bytes', 'sizeBytes', 'limitBytes', 'usedBytes']);
/** Fields kept as a percentage. */
const PERCENT_FIELDS = new Set(['percent']);

/** Which word list a field's value comes from, when the action gives its meaning. */
function vocabulary(action: string, key: string): string | null {
  if (key === 'role' || (action === 'role_change' && (key === 'from' || key === 'to'))) return 'audit.roles';
  if (key === 'state' || (action === 'account_state' && (key === 'from' || key === 'to')))
    return 'audit.states';
  if (key === 'level' && action === 'quota_warning') return 'audit.quotaLevels';
  if (key === 'kind' && (action === 'account_create' || action === 'account_update')) return 'audit.kinds';
  if (key === 'source') return 'audit.sources';
  return null;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function auditValue(
  action: string,
  key: string,
  value: Details[string],
  ctx: AuditValueContext,
): string {
  const { lookup, locale, timeZone } = ctx;
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean')
    return lookup(value ? 'audit.values.yes' : 'audit.values.no') ?? String(value);
  if (typeof value === 'number') {
    if (BYTE_FIELDS.has(key)) {
      const { key: unit, value: amount } = sizeParts(value, locale);
      return lookup(unit, { value: amount }) ?? String(value);
    }
    const number = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'vi-VN').format(value);
    return PERCENT_FIELDS.has(key) ? `${number} %` : number;
  }
  const words = vocabulary(action, key);
  if (words) return lookup(`${words}.${value}`) ?? value;
  if (ISO_INSTANT.test(value)) return formatDateTime(value, locale, timeZone);
  // A calendar day (yyyy-mm-dd) is already a day in Viet Nam: no time zone may move it.
  if (ISO_DAY.test(value)) return formatDate(`${value}T12:00:00Z`, locale, 'UTC');
  return value;
}

/** Every detail of an entry, labelled, in the order it was kept. */
export function auditDetailLines(
  action: string,
  details: Details | null,
  ctx: AuditValueContext,
): AuditDetailLine[] {
  if (!details) return [];
  return Object.entries(details).map(([key, value]) => ({
    key,
    label: ctx.lookup(`audit.fields.${key}`) ?? key,
    value: auditValue(action, key, value, ctx),
  }));
}
