import { describe, expect, it } from 'vitest';
import { parseVfychainOutput, vfychainTime } from './vfychain-output';

/** Real outputs of vfychain (NSS 3.87, Debian 12) for the test suite's certificates. */
const bad = (code: string, text: string) =>
  `Chain is bad!\nPROBLEM WITH THE CERT CHAIN:\nCERT 0. CN=Phạm Văn Cũ,O=UBND tỉnh Bình Phước,C=VN :\n  ERROR ${code}: ${text}\n`;

describe('parseVfychainOutput', () => {
  it.each([
    [0, 'Chain is good!\n', 'trusted'],
    [1, bad('-8181', "Peer's Certificate has expired."), 'expired'],
    [
      1,
      `${bad('-8179', "Peer's Certificate issuer is not recognized.")}    CN=CA La Root CA,O=CA La,C=VN\n`,
      'unknown_issuer',
    ],
    [
      1,
      bad('-8172', "Peer's certificate issuer has been marked as not trusted by the user."),
      'untrusted_issuer',
    ],
    [1, bad('-8180', "Peer's Certificate has been revoked."), 'revoked'],
    [1, bad('-8102', 'Inadequate key usage.'), 'generic_error'],
    [1, 'Chain is good!\n', 'generic_error'],
    [null, '', 'generic_error'],
  ])('exit %s → %s', (code, output, check) => {
    expect(parseVfychainOutput(code, output)).toBe(check);
  });
});

describe('vfychainTime', () => {
  it('writes YYMMDDHHMMZ in UTC', () => {
    expect(vfychainTime('2026-12-07T12:02:48.000Z')).toBe('2612071202Z');
  });
});
