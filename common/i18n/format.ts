import type { Locale } from './locales';

/**
 * Dates and numbers as Vietnamese offices write them: dd/MM/yyyy, 24-hour time, decimal comma,
 * always in the province's time zone whatever the browser's own setting.
 */
const intlLocale = (locale: string) => (locale === 'en' ? 'en-GB' : 'vi-VN');
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const FIELDS = {
  date: { day: '2-digit', month: '2-digit', year: 'numeric' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

// Building an Intl formatter is costly and the message list formats every row on every render.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: keyof typeof FIELDS, locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${locale}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(locale), { timeZone, ...FIELDS[kind] });
    formatters.set(key, f);
  }
  return f;
}

export function formatDate(iso: string, locale: Locale | string, timeZone = DEFAULT_TIME_ZONE): string {
  return formatter('date', locale, timeZone).format(new Date(iso));
}

export function formatTime(iso: string, locale: Locale | string, timeZone = DEFAULT_TIME_ZONE): string {
  return formatter('time', locale, timeZone).format(new Date(iso));
}

/** "27/11/2026 07:30": the date first, as documents are dated (Intl's vi-VN puts the time first). */
export function formatDateTime(iso: string, locale: Locale | string, timeZone = DEFAULT_TIME_ZONE): string {
  return `${formatDate(iso, locale, timeZone)} ${formatTime(iso, locale, timeZone)}`;
}

/** Today's mail shows its time, older mail its date, as in every mail client people know. */
export function formatListDate(
  iso: string,
  locale: Locale | string,
  now = new Date(),
  timeZone = DEFAULT_TIME_ZONE,
) {
  const date = formatDate(iso, locale, timeZone);
  return date === formatDate(now.toISOString(), locale, timeZone) ? formatTime(iso, locale, timeZone) : date;
}

const UNITS = [
  ['gb', 1024 ** 3],
  ['mb', 1024 ** 2],
  ['kb', 1024],
] as const;

/** "1,8 MB" in Vietnamese, "1.8 MB" in English. Returns the catalogue key and the number. */
export function sizeParts(bytes: number, locale: Locale | string): { key: string; value: string } {
  const nf = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 });
  for (const [key, size] of UNITS) {
    if (bytes >= size) return { key: `size.${key}`, value: nf.format(bytes / size) };
  }
  return { key: 'size.bytes', value: nf.format(bytes) };
}
