import { describe, expect, it } from 'vitest';
import { vietnamInstant } from './vietnam-time';

describe('vietnamInstant', () => {
  it('reads dd/MM/yyyy HH:mm as Viet Nam time', () => {
    expect(vietnamInstant('04/12/2026', '08:00')).toBe('2026-12-04T01:00:00.000Z');
    expect(vietnamInstant('1/1/2027', '00:30')).toBe('2026-12-31T17:30:00.000Z');
  });
  it('refuses what is not a real date or time', () => {
    expect(vietnamInstant('31/02/2027', '08:00')).toBeNull();
    expect(vietnamInstant('2027-02-01', '08:00')).toBeNull();
    expect(vietnamInstant('01/02/2027', '24:00')).toBeNull();
  });
});
