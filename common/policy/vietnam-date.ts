/**
 * Calendar dates as the regulation counts them: dates in Viet Nam ('YYYY-MM-DD'), not UTC days.
 * PURE. Asia/Ho_Chi_Minh has been UTC+7 without daylight saving since 1975, so a fixed offset is
 * exact and needs no time-zone database: 23:30 on 31/12 in Bình Phước is 16:30 UTC the same day,
 * and 00:30 on 1/1 is still 31/12 in UTC — the off-by-one a UTC `toISOString().slice(0, 10)`
 * makes every night between 00:00 and 07:00.
 */

/** A date in Viet Nam, 'YYYY-MM-DD'. */
export type VietnamDate = string;

const OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TYPED_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Days since 1970-01-01 of a date; throws on anything that is not a real 'YYYY-MM-DD'. */
export function dayNumber(date: VietnamDate): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`no such date: ${date}`);
  }
  return ms / DAY_MS;
}

/**
 * A day as people type it in the console, "5/10/2026" or "05/10/2026" (dd/MM/yyyy; spaces around
 * it allowed) → '2026-10-05'; with `iso`, '2026-10-05' as an API caller sends it is taken too. null
 * when it is no real date (31/02/2026 included).
 */
export function parseVietnameseDay(
  text: string,
  { iso = false }: { iso?: boolean } = {},
): VietnamDate | null {
  const trimmed = text.trim();
  const m = TYPED_RE.exec(trimmed);
  const date = m
    ? `${m[3]}-${(m[2] as string).padStart(2, '0')}-${(m[1] as string).padStart(2, '0')}`
    : iso && DATE_RE.test(trimmed)
      ? trimmed
      : null;
  if (!date) return null;
  try {
    dayNumber(date);
    return date;
  } catch {
    return null;
  }
}

/** '2026-10-05' → "05/10/2026", as Vietnamese documents and the console write dates. */
export const vietnameseDay = (date: VietnamDate): string =>
  `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

const dateTimeFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of an instant in a time zone (the province's unless told), 2-digit, 24-hour. */
export function dateTimeParts(at: Date, timeZone = 'Asia/Ho_Chi_Minh') {
  let f = dateTimeFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return {
    day: p.day,
    month: p.month,
    year: p.year,
    hour: p.hour,
    minute: p.minute,
    second: p.second,
  } as Record<'day' | 'month' | 'year' | 'hour' | 'minute' | 'second', string>;
}

/** "29/11/2026 10:05:09" (or without the seconds): an instant as a log or a document dates it. */
export function vietnameseDateTime(
  at: Date,
  { timeZone, seconds = true }: { timeZone?: string; seconds?: boolean } = {},
): string {
  const p = dateTimeParts(at, timeZone);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}${seconds ? `:${p.second}` : ''}`;
}

export function fromDayNumber(n: number): VietnamDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The date in Viet Nam at an instant. */
export function vietnamDateOf(instant: Date): VietnamDate {
  return fromDayNumber(Math.floor((instant.getTime() + OFFSET_MS) / DAY_MS));
}

/** 00:00 in Viet Nam on that date (17:00 UTC the day before). */
export function startOfVietnamDay(date: VietnamDate): Date {
  return new Date(dayNumber(date) * DAY_MS - OFFSET_MS);
}

export function addDays(date: VietnamDate, days: number): VietnamDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: VietnamDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

function lastDayOfMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/**
 * The same day `months` calendar months later, or that month's last day when it has no such day:
 * 31/1 + 1 month is 28/2 (29/2 in a leap year), 31/8 + 6 months is 28/2 (Bộ luật Dân sự 2015,
 * Điều 148.3).
 */
export function addMonths(date: VietnamDate, months: number): VietnamDate {
  const d = new Date(dayNumber(date) * DAY_MS);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const monthIndex = total - year * 12;
  const day = Math.min(d.getUTCDate(), lastDayOfMonth(year, monthIndex));
  return fromDayNumber(Date.UTC(year, monthIndex, day) / DAY_MS);
}

/**
 * The first day after a period of `months` months "kể từ" an event on `event`. Bộ luật Dân sự
 * 2015, Điều 147.2: the event's own day is not counted; Điều 148.3: the period ends at the end of
 * the corresponding day of its last month. Retired on 01/10/2026, "sau 06 tháng" → the period
 * ends with 01/04/2027 and what follows it happens on 02/04/2027.
 */
export function firstDayAfterMonths(event: VietnamDate, months: number): VietnamDate {
  return addDays(addMonths(event, months), 1);
}
