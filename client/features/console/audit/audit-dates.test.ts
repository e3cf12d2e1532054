import { describe, expect, it } from 'vitest';
import { auditTime, parseTypedDate, typedDate } from './audit-dates';

describe('audit filter dates', () => {
  it.each([
    ['05/10/2026', '2026-10-05'],
    ['5/10/2026', '2026-10-05'],
    [' 29/02/2028 ', '2028-02-29'],
    ['29/02/2026', null],
    ['31/04/2026', null],
    ['2026-10-05', null],
    ['10/5', null],
  ])('reads %j as %j', (text, iso) => {
    expect(parseTypedDate(text)).toBe(iso);
  });

  it('writes back dd/MM/yyyy and shows instants in Viet Nam with seconds', () => {
    expect(typedDate('2026-10-05')).toBe('05/10/2026');
    expect(auditTime('2026-10-14T17:00:05Z')).toBe('15/10/2026 00:00:05');
  });
});
