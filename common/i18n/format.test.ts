import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatListDate, sizeParts } from './format';

describe('dates in Asia/Ho_Chi_Minh', () => {
  it('writes dd/MM/yyyy and moves past midnight UTC+7 to the next day', () => {
    expect(formatDate('2026-11-28T17:30:00Z', 'vi')).toBe('29/11/2026');
    expect(formatDate('2026-11-28T16:59:00Z', 'vi')).toBe('28/11/2026');
    expect(formatDate('2026-11-28T17:30:00Z', 'en')).toBe('29/11/2026');
  });
  it('uses 24-hour time', () => {
    expect(formatDateTime('2026-11-29T07:05:00Z', 'vi')).toBe('29/11/2026 14:05');
    expect(formatDateTime('2026-11-29T07:05:00Z', 'en')).toBe('29/11/2026 14:05');
  });
  it('shows the time for today and the date for older mail', () => {
    const now = new Date('2026-11-29T10:00:00Z');
    expect(formatListDate('2026-11-29T01:15:00Z', 'vi', now)).toBe('08:15');
    expect(formatListDate('2026-11-27T01:15:00Z', 'vi', now)).toBe('27/11/2026');
  });
});

describe('sizes', () => {
  it('uses the Vietnamese decimal comma', () => {
    expect(sizeParts(1.8 * 1024 ** 3, 'vi')).toEqual({ key: 'size.gb', value: '1,8' });
    expect(sizeParts(1.8 * 1024 ** 3, 'en')).toEqual({ key: 'size.gb', value: '1.8' });
    expect(sizeParts(512, 'vi')).toEqual({ key: 'size.bytes', value: '512' });
  });
});
