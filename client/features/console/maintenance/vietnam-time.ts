/**
 * The console's dd/MM/yyyy + HH:mm fields as an instant in Viet Nam (UTC+7, no daylight saving),
 * whatever the browser's own time zone: an admin in another zone still schedules Bình Phước time.
 */
export function vietnamInstant(date: string, time: string): string | null {
  const d = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(date.trim());
  const t = /^(\d{1,2})[:h](\d{2})$/.exec(time.trim());
  if (!d || !t) return null;
  const [day, month, year, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (hour > 23 || minute > 59) return null;
  const utc = Date.UTC(year, month - 1, day, hour - 7, minute);
  const check = new Date(utc + 7 * 3_600_000);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  return new Date(utc).toISOString();
}

/** 'YYYY-MM-DD' → 'dd/MM/yyyy'. */
export const ddmmyyyy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
