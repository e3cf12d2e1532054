import { describe, expect, it } from 'vitest';
import { checklist } from './password-checklist-rules';

const EMAIL = 'thanhtv.sttt@binhphuoc.gov.vn';
const states = (password: string) =>
  Object.fromEntries(checklist(password, EMAIL, 8).map((i) => [i.code, i.state]));

describe('the live checklist runs the proxy’s Đ9 rules', () => {
  it('shows every rule as pending before the user types', () => {
    expect(new Set(Object.values(states('')))).toEqual(new Set(['pending']));
  });

  it('marks each class as it appears, and waits for full length before judging common/personal', () => {
    expect(states('abc')).toMatchObject({
      password_needs_lower: 'met',
      password_needs_upper: 'unmet',
      password_too_short: 'unmet',
      password_common: 'pending',
    });
    expect(states('Sttt#2026')).toMatchObject({
      password_contains_personal: 'unmet',
      password_too_short: 'met',
    });
    expect(new Set(Object.values(states('Lua#Hong2026')))).toEqual(new Set(['met']));
  });

  it('names an accented letter typed through a Vietnamese IME', () => {
    expect(states('Thành#2026')).toMatchObject({ password_non_ascii: 'unmet' });
  });

  it('hides the length ceiling unless it is broken', () => {
    expect(checklist('Aa#1', EMAIL, 8).some((i) => i.code === 'password_too_long')).toBe(false);
    expect(
      checklist(`Aa#1${'x'.repeat(200)}`, EMAIL, 8).find((i) => i.code === 'password_too_long')?.state,
    ).toBe('unmet');
  });
});
