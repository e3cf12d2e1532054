import { describe, expect, it } from 'vitest';
import { checkPassword, evaluatePassword, foldToAscii } from './password-rules';

const thanh = { email: 'thanhtv.sttt@binhphuoc.gov.vn', displayName: 'Trần Văn Thanh' };

describe('Đ9: length, upper, lower, digit, one of ! @ # % $ * &', () => {
  it.each([
    ['Tx7#kq2M', []],
    ['Tx7#kq2', ['password_too_short']],
    ['tx7#kq2m', ['password_needs_upper']],
    ['TX7#KQ2M', ['password_needs_lower']],
    ['Txq#kqzM', ['password_needs_digit']],
    ['Tx7kq2Mv', ['password_needs_special']],
    ['Tx7-kq2M', ['password_needs_special']], // "-" is fine to use but is not one of Đ9's specials
    ['Tx7^kq2M&', []],
    ...[...'!@#%$*&'].map((c) => [`Tx7${c}kq2M`, []] as [string, string[]]),
  ])('%s → %j', (password, expected) => {
    expect(checkPassword(password, thanh)).toEqual(expected);
  });
});

describe('beyond the letter of Đ9', () => {
  it.each([
    ['Matkhau@123', 'the regulation’s own example'],
    ['matkhau@123'.replace('m', 'M'), 'the example again'],
    ['Abc@12345', 'a Vietnamese favourite'],
    ['Binhphuoc@123', 'the province'],
    ['Binhphuoc#2026', 'the province and the year'],
    ['P@ssw0rd', 'the global favourite'],
    ['Matkhau@0101', 'the example with a date'],
  ])('refuses %s (%s) as common', (password) => {
    expect(checkPassword(password, thanh)).toContain('password_common');
  });

  it('refuses the province of another deployment through its mail domain', () => {
    expect(checkPassword('Dongnai@2026', { email: 'a.b@dongnai.gov.vn' })).toContain('password_common');
  });

  it.each([
    ['Thanhtv#2026x', 'the account name'],
    ['Sttt@Q9vz7k', 'the unit'],
    ['Zq7#thanh88', 'the given name, without diacritics'],
  ])('refuses %s (%s) as personal', (password) => {
    expect(checkPassword(password, thanh)).toContain('password_contains_personal');
  });

  it('keeps an address with a piece of digits only usable: any strong password is accepted', () => {
    // thanh.1985 would fold to "" once its digits are stripped, and "" is inside every password.
    for (const email of ['thanh.1985.sttt@binhphuoc.gov.vn', 'imlang-12345678@binhphuoc.gov.vn']) {
      expect(checkPassword('Lua&Gao9Dong!Nai', { email })).toEqual([]);
    }
    expect(checkPassword('Thanh#1985Qz', { email: 'thanh.1985.sttt@binhphuoc.gov.vn' })).toContain(
      'password_contains_personal',
    );
  });

  it('refuses whitespace and non-ASCII, which a Vietnamese IME would type unseen', () => {
    expect(checkPassword('Tx7# kq2M', thanh)).toEqual(['password_has_whitespace']);
    expect(checkPassword('Tx7#kq2Mươ', thanh)).toEqual(['password_non_ascii']);
    expect(checkPassword('Mậtkhẩu#2026', thanh)).toContain('password_non_ascii');
  });

  it('accepts a strong Vietnamese-style passphrase', () => {
    expect(checkPassword('Lua&Gao9Dong!Nai', thanh)).toEqual([]);
    expect(checkPassword('Kv8*Ruong$Lua', thanh)).toEqual([]);
  });

  it('lists every rule for the checklist, in order, with the values messages quote', () => {
    const results = evaluatePassword('', thanh);
    expect(results.map((r) => r.code)).toEqual([
      'password_too_short',
      'password_needs_upper',
      'password_needs_lower',
      'password_needs_digit',
      'password_needs_special',
      'password_has_whitespace',
      'password_non_ascii',
      'password_too_long',
      'password_common',
      'password_contains_personal',
    ]);
    expect(results[0]).toMatchObject({ ok: false, params: { min: 8 } });
    expect(results[4]).toMatchObject({ params: { specials: '! @ # % $ * &' } });
  });

  it('follows a configured minimum length', () => {
    expect(
      checkPassword('Tx7#kq2Mab', thanh, { minLength: 12, maxLength: 128, specials: '!@#%$*&' }),
    ).toEqual(['password_too_short']);
  });
});

describe('foldToAscii', () => {
  it('drops tones and đ, whatever the normal form', () => {
    expect(foldToAscii('Bình Phước')).toBe('binhphuoc');
    expect(foldToAscii('Đặng'.normalize('NFD'))).toBe('dang');
  });
});
