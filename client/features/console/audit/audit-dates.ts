import { DEFAULT_TIME_ZONE } from '../../../i18n/format';

/**
 * "5/10/2026" or "05/10/2026" as typed in the filter bar → "2026-10-05" for the proxy; null when it
 * is not a real date (31/02/2026 included). PURE.
 */
export function parseTypedDate(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** "2026-10-05" → "05/10/2026". */
export const typedDate = (iso: string) => iso.split('-').reverse().join('/');

const secondsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: DEFAULT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "16/10/2026 09:00:05" in Viet Nam: the log needs the second an action happened. */
export function auditTime(iso: string): string {
  const p = Object.fromEntries(secondsFormatter.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
}
