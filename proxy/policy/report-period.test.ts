import { describe, expect, it } from 'vitest';
import { lastClosedReportPeriod, previousReportPeriod, reportPeriod } from './report-period';

const at = (local: string) => new Date(`${local}+07:00`);

describe('Đ14.1c: "Định kỳ 06 tháng (trước ngày 20/6 và 20/12 hằng năm)"', () => {
  it.each([
    ['2026-01-01T09:00', '2026-H1', '2025-12-20', '2026-06-20'],
    ['2026-06-19T23:59', '2026-H1', '2025-12-20', '2026-06-20'],
    ['2026-06-20T00:00', '2026-H2', '2026-06-20', '2026-12-20'],
    ['2026-12-19T23:59', '2026-H2', '2026-06-20', '2026-12-20'],
    ['2026-12-20T00:00', '2027-H1', '2026-12-20', '2027-06-20'],
    ['2026-12-31T12:00', '2027-H1', '2026-12-20', '2027-06-20'],
  ])('at %s the report in preparation is %s: [%s, %s)', (now, label, from, to) => {
    expect(reportPeriod(at(now))).toMatchObject({ label, from, to });
  });

  it('turns at midnight in Bình Phước, 17:00 UTC', () => {
    expect(reportPeriod(new Date('2026-06-19T16:59:59Z')).label).toBe('2026-H1');
    expect(reportPeriod(new Date('2026-06-19T17:00:00Z')).label).toBe('2026-H2');
    expect(reportPeriod(at('2026-06-01T00:00')).endsAt.toISOString()).toBe('2026-06-19T17:00:00.000Z');
  });

  it('gives the Sở the period just closed, to consolidate "trước ngày 30/6 và 30/12" (Đ14.2đ)', () => {
    expect(lastClosedReportPeriod(at('2026-06-25T09:00'))).toMatchObject({
      label: '2026-H1',
      consolidateBefore: '2026-06-30',
    });
    expect(lastClosedReportPeriod(at('2026-12-22T09:00'))).toMatchObject({
      label: '2026-H2',
      consolidateBefore: '2026-12-30',
    });
    expect(previousReportPeriod(reportPeriod(at('2026-03-01T00:00'))).label).toBe('2025-H2');
  });
});
