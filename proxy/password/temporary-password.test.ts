import { describe, expect, it } from 'vitest';
import { checkPassword, DEFAULT_PASSWORD_POLICY } from '../../common/policy/password-rules';
import { temporaryPassword } from './temporary-password';

describe('temporary password (Đ6.3c)', () => {
  it.each([
    'thanhtv.sttt@binhphuoc.gov.vn',
    'thanh.1985.sttt@binhphuoc.gov.vn',
    'imlang-12345678@binhphuoc.gov.vn',
  ])('meets Đ9 for %s, without look-alike characters', (email) => {
    for (let i = 0; i < 50; i++) {
      const password = temporaryPassword({ email }, DEFAULT_PASSWORD_POLICY);
      expect(checkPassword(password, { email }, DEFAULT_PASSWORD_POLICY)).toEqual([]);
      expect(password).not.toMatch(/[0O1lI]/);
      expect(password.length).toBeGreaterThanOrEqual(14);
    }
  });

  it('says so when no password can meet the policy, instead of looping for ever', () => {
    const impossible = { ...DEFAULT_PASSWORD_POLICY, maxLength: 10 };
    expect(() => temporaryPassword({ email: 'a@b.vn' }, impossible)).toThrow(/no temporary password/);
  });
});
