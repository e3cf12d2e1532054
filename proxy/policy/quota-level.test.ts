import { describe, expect, it } from 'vitest';
import { isHigherLevel, quotaLevel } from './quota-level';

const GB = 1024 ** 3;

describe('Đ7.2c: quota levels (80 % notice, 90 % warning, 98 % critical)', () => {
  it.each([
    [0, 'ok'],
    [0.7999 * 2 * GB, 'ok'],
    [0.8 * 2 * GB, 'notice'],
    [0.9 * 2 * GB, 'warning'],
    [0.98 * 2 * GB, 'critical'],
    [2.1 * GB, 'critical'],
  ])('%d bytes of 2 GB → %s', (used, level) => {
    expect(quotaLevel(used, 2 * GB)).toBe(level);
  });
  it('treats a missing limit as no warning', () => {
    expect(quotaLevel(5 * GB, 0)).toBe('ok');
  });
  it('follows configured thresholds', () => {
    expect(quotaLevel(0.75, 1, { notice: 0.7, warning: 0.85, critical: 0.95 })).toBe('notice');
  });
  it('orders levels', () => {
    expect(isHigherLevel('warning', 'notice')).toBe(true);
    expect(isHigherLevel('notice', 'warning')).toBe(false);
    expect(isHigherLevel('ok', 'ok')).toBe(false);
  });
});
