import { describe, expect, it } from 'vitest';
import { daySlot, periodSlot } from './job-slot';

describe('job slots', () => {
  it('puts moments of one period in one slot, the next period in another', () => {
    const hour = 3_600_000;
    expect(periodSlot(10 * hour + 1, hour)).toBe(periodSlot(11 * hour - 1, hour));
    expect(periodSlot(11 * hour, hour)).not.toBe(periodSlot(11 * hour - 1, hour));
  });

  it('names the day in Viet Nam, not in UTC', () => {
    // 18:30 UTC on 6 December is 01:30 on 7 December in Hồ Chí Minh City.
    expect(daySlot(new Date('2026-12-06T18:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-12-07');
    expect(daySlot(new Date('2026-12-06T16:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-12-06');
  });
});
