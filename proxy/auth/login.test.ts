import { describe, expect, it } from 'vitest';
import { loggableAccount } from './login';

describe('loggableAccount', () => {
  it('keeps addresses and hides anything else that was typed into the address field', () => {
    expect(loggableAccount('thanhtv.sttt@binhphuoc.gov.vn')).toBe('thanhtv.sttt@binhphuoc.gov.vn');
    const hidden = loggableAccount('Thanh#Sttt2026@');
    expect(hidden).toMatch(/^not-an-address:[0-9a-f]{16}$/);
    expect(hidden).not.toContain('Thanh');
    expect(loggableAccount('Thanh#Sttt2026@')).toBe(hidden);
  });
});
