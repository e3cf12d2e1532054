import type { Locale } from './i18n';

/**
 * Dates and numbers as Vietnamese offices write them: dd/MM/yyyy, 24-hour time, decimal comma,
 * always in the province's time zone whatever the browser's own setting.
 */
const intlLocale = (locale: string) => (locale === 'en' ? 'en-GB' : 'vi-VN');
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export function formatDate(iso: string, locale: Locale | string, timeZone = DEFAULT_TIME_ZONE): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(iso));
}

/** "27/11/2026 07:30": the date first, as documents are dated (Intl's vi-VN puts the time first). */
export function formatDateTime(iso: string, locale: Locale | string, timeZone = DEFAULT_TIME_ZONE): string {
  const time = new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
  return `${formatDate(iso, locale, timeZone)} ${time}`;
}

/** Today's mail shows its time, older mail its date, as in every mail client people know. */
export function formatListDate(
  iso: string,
  locale: Locale | string,
  now = new Date(),
  timeZone = DEFAULT_TIME_ZONE,
) {
  const day = (d: Date) => formatDate(d.toISOString(), locale, timeZone);
  if (day(new Date(iso)) === day(now)) {
    return new Intl.DateTimeFormat(intlLocale(locale), {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(iso));
  }
  return day(new Date(iso));
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
