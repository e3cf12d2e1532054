import { describe, expect, it } from 'vitest';
import { vietnamDateOf } from './vietnam-date';
import { VIETNAM_HOLIDAYS, DEFAULT_HOLIDAY_CALENDAR as VN } from './vietnam-holidays';
import {
  addWorkingDays,
  holidayCalendar,
  isWorkingDay,
  maintenanceNoticeAllowed,
  WEEKENDS_ONLY,
  workingDaysBetween,
} from './working-days';

const at = (local: string) => new Date(`${local}+07:00`);

describe('working days in Viet Nam', () => {
  it.each([
    ['2026-02-13', true, 'Friday before Tết'],
    ['2026-02-14', false, 'Saturday, 27 tháng Chạp'],
    ['2026-02-16', false, 'Monday, 29 tháng Chạp: Tết holiday'],
    ['2026-02-17', false, 'mùng 1 Tết Bính Ngọ'],
    ['2026-02-20', false, 'Friday, mùng 4'],
    ['2026-02-23', true, 'first day back'],
    ['2026-01-02', false, 'Friday 2/1/2026, swapped'],
    ['2026-01-10', true, 'Saturday 10/1/2026, worked in exchange'],
    ['2026-04-27', false, 'Monday in lieu of Giỗ Tổ on Sunday 26/4'],
    ['2026-04-28', true, 'between Giỗ Tổ and 30/4'],
    ['2026-04-30', false, '30/4'],
    ['2026-05-01', false, '1/5'],
    ['2026-08-22', true, 'Saturday worked for 31/8'],
    ['2026-08-31', false, 'Monday 31/8, bridged'],
    ['2026-09-02', false, 'Quốc khánh'],
    ['2026-09-03', true, 'Thursday after'],
    ['2027-02-10', false, 'mùng 5 Tết Đinh Mùi (provisional)'],
    ['2027-04-16', false, 'Giỗ Tổ 2027, a Friday'],
    ['2027-05-03', false, 'Monday in lieu of 1/5/2027 (a Saturday)'],
  ])('%s working: %s (%s)', (date, working) => {
    expect(isWorkingDay(date, VN)).toBe(working);
  });

  it('counts only weekdays without holidays', () => {
    expect(isWorkingDay('2026-02-17', WEEKENDS_ONLY)).toBe(true);
    expect(isWorkingDay('2026-08-22', WEEKENDS_ONLY)).toBe(false);
  });

  it.each([
    ['2026-02-13', 1, '2026-02-23', 'across Tết: Friday + 1 is the Monday after'],
    ['2026-02-11', 3, '2026-02-23', 'Thu 12, Fri 13, Mon 23'],
    ['2026-02-17', 1, '2026-02-23', 'from inside Tết'],
    ['2026-02-23', -1, '2026-02-13', 'backwards over Tết'],
    ['2026-03-06', 1, '2026-03-09', 'over a weekend'],
    ['2026-03-07', 0, '2026-03-07', 'zero is the date itself, even a Saturday'],
    ['2026-08-21', 1, '2026-08-22', 'the worked Saturday counts'],
    ['2026-08-28', 1, '2026-09-03', 'over the National Day break'],
    ['2026-04-24', 3, '2026-05-04', 'Giỗ Tổ, 30/4 and 1/5 in one stretch'],
  ])('%s + %i working days = %s (%s)', (from, n, to) => {
    expect(addWorkingDays(from, n, VN)).toBe(to);
  });

  it.each([
    ['2026-02-13', '2026-02-23', 1],
    ['2026-02-01', '2026-02-28', 15],
    ['2026-02-23', '2026-02-13', -1],
    ['2026-03-09', '2026-03-09', 0],
  ])('working days in (%s, %s] = %i', (a, b, n) => {
    expect(workingDaysBetween(a, b, VN)).toBe(n);
  });

  it('keeps addWorkingDays and workingDaysBetween consistent over two years', () => {
    for (let d = '2026-01-01'; d < '2027-12-20'; d = addWorkingDays(d, 1, WEEKENDS_ONLY)) {
      for (const n of [1, 3, 7]) expect(workingDaysBetween(d, addWorkingDays(d, n, VN), VN)).toBe(n);
    }
  });

  it('refuses half days', () => {
    expect(() => addWorkingDays('2026-03-09', 1.5, VN)).toThrow(RangeError);
  });

  it('lists every day of the default configuration as a real date in its years', () => {
    for (const p of VIETNAM_HOLIDAYS.periods) {
      expect(p.from <= p.to).toBe(true);
      expect(VIETNAM_HOLIDAYS.years).toContain(Number(p.from.slice(0, 4)));
    }
    for (const d of VIETNAM_HOLIDAYS.makeUpDays) expect(isWorkingDay(d.on, WEEKENDS_ONLY)).toBe(false);
    expect(holidayCalendar(VIETNAM_HOLIDAYS).daysOff.size).toBe(VN.daysOff.size);
  });
});

describe('Đ8.1c: "thông báo … tối thiểu trước 03 ngày làm việc" before a planned outage', () => {
  it.each([
    // notice, start, ok?, earliest start
    ['2026-03-09T09:00', '2026-03-13T22:00', true, '2026-03-13', 'Mon → Fri: Tue, Wed, Thu in between'],
    ['2026-03-09T09:00', '2026-03-12T22:00', false, '2026-03-13', 'Mon → Thu night: only two full days'],
    ['2026-03-10T16:00', '2026-03-14T08:00', true, '2026-03-14', 'Tue → Saturday: Wed, Thu, Fri'],
    ['2026-03-11T10:00', '2026-03-14T08:00', false, '2026-03-17', 'Wed → Sat: the weekend does not count'],
    ['2026-02-11T10:00', '2026-02-20T22:00', false, '2026-02-24', 'Wed before Tết → during Tết: 2 days'],
    ['2026-02-11T10:00', '2026-02-24T00:00', true, '2026-02-24', 'Wed before Tết → the day after Mon 23/2'],
    [
      '2026-08-26T10:00',
      '2026-09-01T20:00',
      false,
      '2026-09-04',
      'Wed → during 2/9: only Thu 27, Fri 28; next is Thu 3/9',
    ],
    [
      '2026-08-19T10:00',
      '2026-08-23T20:00',
      true,
      '2026-08-23',
      'Wed → Sun: Thu, Fri and the worked Sat 22/8',
    ],
  ])('%s → %s: %s', (notice, start, ok, earliest) => {
    const d = maintenanceNoticeAllowed(at(notice), at(start), VN);
    expect(d.ok).toBe(ok);
    if (!d.ok) {
      expect(d.code).toBe('maintenance_notice_too_short');
      expect(d.earliestStartOn).toBe(earliest);
      expect(d.earliestStart.toISOString()).toBe(at(`${earliest}T00:00`).toISOString());
      expect(maintenanceNoticeAllowed(at(notice), d.earliestStart, VN).ok).toBe(true);
    }
  });

  it('uses the date in Viet Nam: a notice at 23:30 local is still that day', () => {
    // 23:30 on Monday 9/3 is 16:30 UTC on Monday: Tue, Wed, Thu still count.
    expect(maintenanceNoticeAllowed(at('2026-03-09T23:30'), at('2026-03-13T00:00'), VN).ok).toBe(true);
    // 00:30 on Tuesday 10/3 is still Monday in UTC, but in Bình Phước it is Tuesday.
    const late = maintenanceNoticeAllowed(at('2026-03-10T00:30'), at('2026-03-13T00:00'), VN);
    expect(late).toMatchObject({ ok: false, code: 'maintenance_notice_too_short', workingDaysOfNotice: 2 });
  });

  it("gives the provider's one working day (Đ8.2c) with minWorkingDays = 1", () => {
    expect(maintenanceNoticeAllowed(at('2026-02-13T10:00'), at('2026-02-24T00:00'), VN, 1).ok).toBe(true);
    expect(maintenanceNoticeAllowed(at('2026-02-13T10:00'), at('2026-02-23T20:00'), VN, 1)).toMatchObject({
      ok: false,
      earliestStartOn: '2026-02-24',
    });
  });

  it('refuses a start in the past', () => {
    expect(maintenanceNoticeAllowed(at('2026-03-09T09:00'), at('2026-03-09T08:00'), VN)).toMatchObject({
      ok: false,
      code: 'maintenance_start_in_past',
    });
  });

  it('refuses dates the holiday list does not cover', () => {
    // Wed 29/12/2027: Thu 30, Fri 31, then a day of 2028, whose holidays nobody entered yet.
    const notice = at('2027-12-29T09:00');
    expect(maintenanceNoticeAllowed(notice, at('2028-01-10T00:00'), VN)).toMatchObject({
      ok: false,
      code: 'holidays_unknown',
    });
    expect(maintenanceNoticeAllowed(notice, at('2028-01-10T00:00'), WEEKENDS_ONLY).ok).toBe(true);
    // Three working days of 2027 are enough for an outage announced early for 2028.
    expect(maintenanceNoticeAllowed(at('2027-12-20T09:00'), at('2028-01-10T00:00'), VN).ok).toBe(true);
  });

  it('has vietnamDateOf agree with the earliest start', () => {
    const d = maintenanceNoticeAllowed(at('2026-03-09T09:00'), at('2026-03-10T00:00'), VN);
    expect(!d.ok && vietnamDateOf(d.earliestStart)).toBe('2026-03-13');
  });
});
