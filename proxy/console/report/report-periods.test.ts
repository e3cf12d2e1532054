import { describe, expect, it } from 'vitest';
import { defaultPeriod, periodId } from './report-periods';

const at = (local: string) => new Date(`${local}+07:00`);

describe('the period the report opens on', () => {
  it.each([
    // Units report before 20/6 (Đ14.1c): until then the current period is the one being prepared.
    ['2026-03-01T09:00', '2026-06'],
    ['2026-06-19T23:59', '2026-06'],
    // 20/6–29/6: the Sở consolidates the period just closed (Đ14.2đ, before 30/6).
    ['2026-06-20T00:00', '2026-06'],
    ['2026-06-29T23:59', '2026-06'],
    // From 30/6 that deadline has passed: the current period.
    ['2026-06-30T00:00', '2026-12'],
    ['2026-12-07T16:00', '2026-12'],
    ['2026-12-19T23:59', '2026-12'],
    ['2026-12-20T08:00', '2026-12'],
    ['2026-12-29T23:59', '2026-12'],
    ['2026-12-30T00:00', '2027-06'],
    ['2027-01-15T09:00', '2027-06'],
  ])('at %s it is %s', (now, id) => {
    expect(periodId(defaultPeriod(at(now)))).toBe(id);
  });

  it('turns at midnight in Bình Phước on 30/6, 17:00 UTC the day before', () => {
    expect(periodId(defaultPeriod(new Date('2026-06-29T16:59:59Z')))).toBe('2026-06');
    expect(periodId(defaultPeriod(new Date('2026-06-29T17:00:00Z')))).toBe('2026-12');
  });
});
