/** Đ7.2c: warn as a mailbox nears its quota. PURE. */

export const quotaLevels = ['ok', 'notice', 'warning', 'critical'] as const;
export type QuotaLevel = (typeof quotaLevels)[number];

export interface QuotaThresholds {
  notice: number;
  warning: number;
  critical: number;
}

export const DEFAULT_QUOTA_THRESHOLDS: QuotaThresholds = { notice: 0.8, warning: 0.9, critical: 0.98 };

export function quotaLevel(
  usedBytes: number,
  limitBytes: number,
  t: QuotaThresholds = DEFAULT_QUOTA_THRESHOLDS,
): QuotaLevel {
  if (!(limitBytes > 0)) return 'ok'; // no limit set: nothing to warn about
  const ratio = usedBytes / limitBytes;
  if (ratio >= t.critical) return 'critical';
  if (ratio >= t.warning) return 'warning';
  if (ratio >= t.notice) return 'notice';
  return 'ok';
}

/** True when `next` is a higher level than `previous` (crossing upwards is what gets a warning). */
export function isHigherLevel(next: QuotaLevel, previous: QuotaLevel): boolean {
  return quotaLevels.indexOf(next) > quotaLevels.indexOf(previous);
}
