import { parseVietnameseDay, startOfVietnamDay } from '../../../../common/policy/vietnam-date';

/**
 * The console's dd/MM/yyyy + HH:mm fields as an instant in Viet Nam (UTC+7, no daylight saving),
 * whatever the browser's own time zone: an admin in another zone still schedules Bình Phước time.
 */
export function vietnamInstant(date: string, time: string): string | null {
  const day = parseVietnameseDay(date);
  const t = /^(\d{1,2})[:h](\d{2})$/.exec(time.trim());
  if (!day || !t) return null;
  const [hour, minute] = [Number(t[1]), Number(t[2])];
  if (hour > 23 || minute > 59) return null;
  return new Date(startOfVietnamDay(day).getTime() + (hour * 60 + minute) * 60_000).toISOString();
}
