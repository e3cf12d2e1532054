import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dateTimeParts,
  firstDayAfterMonths,
  parseVietnameseDay,
  startOfVietnamDay,
  vietnamDateOf,
  vietnameseDateTime,
  vietnameseDay,
  weekdayOf,
} from './vietnam-date';

describe('dates in Viet Nam (UTC+7), not UTC days', () => {
  it.each([
    ['2026-12-31T16:59:59Z', '2026-12-31', '23:59:59 on New Year’s Eve in Bình Phước'],
    ['2026-12-31T17:00:00Z', '2027-01-01', 'midnight in Bình Phước, still 31/12 in UTC'],
    ['2027-01-01T00:30:00+07:00', '2027-01-01', 'half past midnight local time'],
    ['2026-02-16T23:00:00Z', '2026-02-17', 'Tết Bính Ngọ begins at 17:00 UTC'],
  ])('%s is %s (%s)', (instant, date) => {
    expect(vietnamDateOf(new Date(instant))).toBe(date);
  });

  it('starts a day at 00:00 +07:00', () => {
    expect(startOfVietnamDay('2027-01-01').toISOString()).toBe('2026-12-31T17:00:00.000Z');
    expect(vietnamDateOf(startOfVietnamDay('2027-01-01'))).toBe('2027-01-01');
  });

  it('knows the weekday', () => {
    expect(weekdayOf('2026-02-17')).toBe(2); // Tuesday, mùng 1 Tết Bính Ngọ
    expect(weekdayOf('2027-02-06')).toBe(6); // Saturday, mùng 1 Tết Đinh Mùi
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('refuses what is not a date', () => {
    expect(() => vietnamDateOf(new Date('x'))).toThrow();
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('26-2-1', 1)).toThrow(RangeError);
  });
});

describe('months as BLDS 2015 Điều 147–148 count them', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28', 'no 31 February: the last day'],
    ['2028-01-31', 1, '2028-02-29', 'leap year'],
    ['2026-08-31', 6, '2027-02-28', ''],
    ['2027-08-31', 6, '2028-02-29', 'into a leap February'],
    ['2028-02-29', 12, '2029-02-28', 'a leap day plus a year'],
    ['2026-10-01', 6, '2027-04-01', ''],
    ['2026-07-15', -6, '2026-01-15', 'backwards'],
  ])('%s + %i months = %s %s', (from, months, to) => {
    expect(addMonths(from, months)).toBe(to);
  });

  it('starts what follows a period on the day after it ends', () => {
    // Retired from 01/10/2026; "sau 06 tháng": the period ends with 01/04/2027.
    expect(firstDayAfterMonths('2026-10-01', 6)).toBe('2027-04-02');
    expect(firstDayAfterMonths('2026-01-31', 1)).toBe('2026-03-01');
    expect(firstDayAfterMonths('2028-01-28', 1)).toBe('2028-02-29');
  });
});

describe('days as the console reads and writes them (dd/MM/yyyy)', () => {
  it.each([
    ['05/10/2026', '2026-10-05'],
    ['5/10/2026', '2026-10-05'],
    [' 29/02/2028 ', '2028-02-29'],
    ['29/02/2026', null],
    ['31/04/2026', null],
    ['31/02/2026', null],
    ['2026-10-05', null],
    ['10/5', null],
    ['07/2026', null],
  ])('reads %j as %j', (text, date) => {
    expect(parseVietnameseDay(text)).toBe(date);
  });

  it('takes yyyy-mm-dd too when asked (an API caller), still only real dates', () => {
    expect(parseVietnameseDay('01/07/2026', { iso: true })).toBe('2026-07-01');
    expect(parseVietnameseDay('2026-07-01', { iso: true })).toBe('2026-07-01');
    expect(parseVietnameseDay('2026-02-30', { iso: true })).toBeNull();
    expect(parseVietnameseDay('2026-7-1', { iso: true })).toBeNull();
  });

  it('writes a day back as dd/MM/yyyy', () => {
    expect(vietnameseDay('2026-10-05')).toBe('05/10/2026');
    expect(vietnameseDay(parseVietnameseDay('1/1/2027') as string)).toBe('01/01/2027');
  });

  it('dates an instant in Viet Nam with or without seconds, or in another time zone', () => {
    expect(vietnameseDateTime(new Date('2026-10-14T17:00:05Z'))).toBe('15/10/2026 00:00:05');
    expect(vietnameseDateTime(new Date('2026-10-14T17:00:05Z'), { seconds: false })).toBe('15/10/2026 00:00');
    expect(vietnameseDateTime(new Date('2026-10-14T17:00:05Z'), { timeZone: 'UTC' })).toBe(
      '14/10/2026 17:00:05',
    );
    expect(dateTimeParts(new Date('2026-12-31T23:59:00Z'))).toMatchObject({
      day: '01',
      month: '01',
      year: '2027',
      hour: '06',
    });
  });
});
