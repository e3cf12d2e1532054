import { describe, expect, it } from 'vitest';
import { checkForwardAddress, DEFAULT_FORWARD_REFUSED_DOMAINS } from './forward-refusal';

describe('checkForwardAddress (Đ12.9, Đ13.5)', () => {
  it.each([
    ['ban@gmail.com', 'gmail.com'],
    ['Ban@GMAIL.COM', 'gmail.com'],
    ['x@yahoo.com.vn', 'yahoo.com.vn'],
    ['x@hotmail.com', 'hotmail.com'],
    ['x@gmx.de', 'gmx.de'],
    ['x@gmx.net', 'gmx.net'],
    ['x@yandex.ru', 'yandex.ru'],
    ['x@proton.me', 'proton.me'],
    ['x@eu.outlook.com', 'eu.outlook.com'],
  ])('refuses %s', (address, domain) => {
    expect(checkForwardAddress(address, DEFAULT_FORWARD_REFUSED_DOMAINS)).toEqual({
      ok: false,
      reason: 'refused_domain',
      domain,
    });
  });

  it.each([
    'vanthu.sttt@binhphuoc.gov.vn',
    'someone@mic.gov.vn',
    'x@gmx.example.org',
    'x@notgmail.com',
    'x@company.com.vn',
  ])('allows %s', (address) => {
    expect(checkForwardAddress(address, DEFAULT_FORWARD_REFUSED_DOMAINS)).toEqual({ ok: true });
  });

  it.each(['', 'no-at-sign', 'a@b', 'two@@x.com', 'a b@x.com'])('calls %j no address', (address) => {
    expect(checkForwardAddress(address, DEFAULT_FORWARD_REFUSED_DOMAINS)).toEqual({
      ok: false,
      reason: 'invalid_address',
    });
  });

  it('reads *.domain as any subdomain', () => {
    expect(checkForwardAddress('a@mail.corp.example', ['*.corp.example']).ok).toBe(false);
    expect(checkForwardAddress('a@corp.example', ['*.corp.example']).ok).toBe(false);
  });
});
