import { describe, expect, it } from 'vitest';
import type { QuotaLevel } from '../policy/quota-level';
import { type PastWarning, warningDue } from './warning-due';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const now = new Date('2026-11-27T08:00:00+07:00');
const daysAgo = (days: number, level: QuotaLevel): PastWarning => ({
  level,
  sentAt: new Date(now.getTime() - days * DAY),
});

describe('warningDue (Đ7.2c: at most once per level per 7 days)', () => {
  it.each<[string, QuotaLevel, PastWarning[], boolean]>([
    ['below every level: never', 'ok', [], false],
    ['below every level, even long after a warning', 'ok', [daysAgo(30, 'critical')], false],
    ['first crossing of 80 %', 'notice', [], true],
    ['first crossing straight to 90 %', 'warning', [], true],
    ['first crossing straight to 98 %', 'critical', [], true],
    ['same level 1 day ago', 'notice', [daysAgo(1, 'notice')], false],
    ['same level 6.9 days ago', 'notice', [daysAgo(6.9, 'notice')], false],
    ['same level exactly 7 days ago', 'notice', [daysAgo(7, 'notice')], true],
    ['same level 8 days ago', 'notice', [daysAgo(8, 'notice')], true],
    ['higher level than the recent warning', 'warning', [daysAgo(1, 'notice')], true],
    ['critical after warning and notice', 'critical', [daysAgo(2, 'warning'), daysAgo(3, 'notice')], true],
    [
      'lower level than a recent warning (mailbox cleaned a little)',
      'notice',
      [daysAgo(2, 'critical')],
      false,
    ],
    ['lower level than an old warning', 'notice', [daysAgo(9, 'critical')], true],
    [
      'an old same-level one and a recent lower one',
      'warning',
      [daysAgo(10, 'warning'), daysAgo(1, 'notice')],
      true,
    ],
    ['a warning dated in the future (clock set back)', 'notice', [daysAgo(-1, 'notice')], false],
  ])('%s', (_name, level, past, expected) => {
    expect(warningDue(level, past, now, WEEK)).toBe(expected);
  });

  it('follows the configured repeat period', () => {
    expect(warningDue('notice', [daysAgo(2, 'notice')], now, DAY)).toBe(true);
    expect(warningDue('notice', [daysAgo(2, 'notice')], now, 3 * DAY)).toBe(false);
  });
});
