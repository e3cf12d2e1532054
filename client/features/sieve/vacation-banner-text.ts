import type { VacationSettings } from '../../../common/contract';
import { type VietnamDate, vietnameseDay } from '../../../common/policy/vietnam-date';

/**
 * What the banner says about an out-of-office reply on `today` (Viet Nam): nothing when it is off
 * or its last day has passed; "sẽ bật từ" before its first day. PURE: catalogue key and values.
 */
export function vacationBannerText(
  v: VacationSettings,
  today: VietnamDate,
): { key: string; values: Record<string, string> } | null {
  if (!v.enabled) return null;
  if (v.untilDay && v.untilDay < today) return null;
  const from = v.fromDay ? vietnameseDay(v.fromDay) : '';
  const until = v.untilDay ? vietnameseDay(v.untilDay) : '';
  if (v.fromDay && v.fromDay > today) return { key: 'vacation.bannerScheduled', values: { from } };
  if (v.fromDay && v.untilDay) return { key: 'vacation.bannerRange', values: { from, until } };
  if (v.fromDay) return { key: 'vacation.bannerFrom', values: { from } };
  if (v.untilDay) return { key: 'vacation.bannerUntil', values: { until } };
  return { key: 'vacation.bannerOn', values: {} };
}
