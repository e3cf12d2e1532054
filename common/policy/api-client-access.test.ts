import { describe, expect, it } from 'vitest';
import {
  hasScope,
  looksLikeApiToken,
  parseScope,
  scopeNeeded,
  takeCall,
  tokenExpiry,
  tokenState,
} from './api-client-access';

describe('API client scopes (Đ14.2g)', () => {
  it.each([
    ['send', 'send'],
    [' directory:read ', 'directory:read'],
    ['read:INBOX', 'read:INBOX'],
    ['read:Văn bản đến', 'read:Văn bản đến'],
    ['read:Lưu trữ/2026', 'read:Lưu trữ/2026'],
    ['read:', null],
    ['read:*', null],
    ['read:a%', null],
    ['read:a\u0000b', null],
    ['write:INBOX', null],
    ['admin', null],
    [`read:${'a'.repeat(201)}`, null],
  ])('%j is %j', (text, expected) => {
    expect(parseScope(text)).toBe(expected);
  });

  it('reads a folder only with its own scope', () => {
    const scopes = ['send', 'read:INBOX'];
    expect(hasScope(scopes, scopeNeeded({ kind: 'send' }))).toBe(true);
    expect(hasScope(scopes, scopeNeeded({ kind: 'read', folder: 'INBOX' }))).toBe(true);
    expect(hasScope(scopes, scopeNeeded({ kind: 'read', folder: 'Sent' }))).toBe(false);
    expect(hasScope(scopes, scopeNeeded({ kind: 'read', folder: 'INBOX/Cũ' }))).toBe(false);
    expect(hasScope(scopes, scopeNeeded({ kind: 'directory' }))).toBe(false);
  });

  it('compares folders in NFC, whatever form the caller wrote', () => {
    const decomposed = 'Văn bản'.normalize('NFD');
    expect(hasScope(['read:Văn bản'], scopeNeeded({ kind: 'read', folder: decomposed }))).toBe(true);
  });
});

describe('token state', () => {
  const expiresAt = Date.UTC(2027, 0, 1);
  it.each([
    [{ expiresAt, revokedAt: null }, expiresAt - 1, 'active'],
    [{ expiresAt, revokedAt: null }, expiresAt, 'expired'],
    [{ expiresAt, revokedAt: expiresAt - 10 }, expiresAt - 1, 'revoked'],
    [{ expiresAt, revokedAt: expiresAt - 10 }, expiresAt + 1, 'revoked'],
  ] as const)('%j at %d is %s', (client, now, state) => {
    expect(tokenState(client, now)).toBe(state);
  });

  it('recognises the token format', () => {
    expect(looksLikeApiToken(`bpk_${'A'.repeat(43)}`)).toBe(true);
    expect(looksLikeApiToken(`bpk_${'A'.repeat(42)}`)).toBe(false);
    expect(looksLikeApiToken(`xyz_${'A'.repeat(43)}`)).toBe(false);
    expect(looksLikeApiToken(`bpk_${'A'.repeat(42)}=`)).toBe(false);
  });
});

describe('calls per client', () => {
  it('allows the limit in a window, then answers with the seconds left', () => {
    let window: Parameters<typeof takeCall>[0];
    for (let i = 0; i < 3; i++) {
      const r = takeCall(window, 1_000 + i, 3, 60_000);
      expect(r.allowed).toBe(true);
      window = r.window;
    }
    const refused = takeCall(window, 31_000, 3, 60_000);
    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: 30 });
    const next = takeCall(refused.window, 61_000, 3, 60_000);
    expect(next).toMatchObject({ allowed: true, window: { start: 61_000, calls: 1 } });
  });
});

describe('token expiry', () => {
  // 23:30 on 31/12/2026 in Viet Nam.
  const now = new Date('2026-12-31T16:30:00Z');
  it('works through the chosen day in Viet Nam', () => {
    expect(tokenExpiry('2027-01-01', now)).toBe(Date.parse('2027-01-01T17:00:00Z'));
  });
  it.each(['2026-12-31', '2026-12-30', '2029-01-01', '2027-02-30', 'soon'])('refuses %s', (day) => {
    expect(tokenExpiry(day, now)).toBeNull();
  });
  it('allows two years ahead', () => {
    expect(tokenExpiry('2028-12-31', now)).not.toBeNull();
  });
});
