import { describe, expect, it } from 'vitest';
import { dayAfter, formatIsoDay, parseDayMonthYear } from './search-dates';

describe('parseDayMonthYear', () => {
  it.each([
    ['30/11/2026', '2026-11-30'],
    ['5/1/2026', '2026-01-05'],
    [' 05-01-2026 ', '2026-01-05'],
    ['29.02.2028', '2028-02-29'],
  ])('%j → %s', (text, iso) => {
    expect(parseDayMonthYear(text)).toBe(iso);
  });

  it.each(['31/02/2026', '29/02/2026', '2026-11-30', '11/30/2026', '30/11/26', 'hôm qua', ''])(
    'refuses %j',
    (text) => {
      expect(parseDayMonthYear(text)).toBeNull();
    },
  );
});

describe('dayAfter / formatIsoDay', () => {
  it('crosses months and years', () => {
    expect(dayAfter('2026-11-30')).toBe('2026-12-01');
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
  });
  it('writes dd/MM/yyyy', () => {
    expect(formatIsoDay('2026-01-05')).toBe('05/01/2026');
  });
});
