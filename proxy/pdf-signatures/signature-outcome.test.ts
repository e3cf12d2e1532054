import { describe, expect, it } from 'vitest';
import type { PdfsigSignature } from './pdfsig-output';
import { type RevocationFacts, signatureOutcome } from './signature-outcome';

const sig = (over: Partial<PdfsigSignature> = {}): PdfsigSignature => ({
  signerName: 'Nguyễn Văn Thành',
  signerDn: 'CN=Nguyễn Văn Thành,O=UBND tỉnh Bình Phước,C=VN',
  signingTime: '2026-12-07T12:02:48.000Z',
  wholeDocument: true,
  signedUpTo: 1000,
  signature: 'valid',
  certificate: 'trusted',
  ...over,
});
const answered: RevocationFacts = { ocspAnswered: true, chainWithoutRevocation: null };
const unanswered: RevocationFacts = { ocspAnswered: false, chainWithoutRevocation: null };

describe('signatureOutcome', () => {
  it.each<[string, Partial<PdfsigSignature>, RevocationFacts, string]>([
    ['valid and OCSP answered', {}, answered, 'valid'],
    ['trusted, but no responder answered', {}, unanswered, 'revocation_not_checked'],
    [
      'signed bytes changed',
      { signature: 'digest_mismatch', wholeDocument: false },
      answered,
      'content_altered',
    ],
    ['signature unreadable', { signature: 'invalid' }, answered, 'malformed'],
    ['not yet verified', { signature: 'unknown' }, answered, 'malformed'],
    ['an update appended', { wholeDocument: false }, answered, 'changed_after_signing'],
    ['coverage not said', { wholeDocument: null }, answered, 'changed_after_signing'],
    [
      'an update appended and the issuer unknown',
      { wholeDocument: false, certificate: 'unknown_issuer' },
      answered,
      'changed_after_signing',
    ],
    ['issuer unknown', { certificate: 'unknown_issuer' }, answered, 'untrusted_issuer'],
    ['issuer not trusted', { certificate: 'untrusted_issuer' }, answered, 'untrusted_issuer'],
    ['revoked', { certificate: 'revoked' }, answered, 'revoked'],
    ['expired', { certificate: 'expired' }, answered, 'expired'],
    ['certificate not checked', { certificate: 'not_checked' }, answered, 'malformed'],
    ['catch-all, chain never rechecked', { certificate: 'generic_error' }, unanswered, 'malformed'],
    [
      'catch-all, chain good without revocation',
      { certificate: 'generic_error' },
      { ocspAnswered: false, chainWithoutRevocation: 'trusted' },
      'revocation_not_checked',
    ],
    [
      'catch-all, even if OCSP seemed reachable',
      { certificate: 'generic_error' },
      { ocspAnswered: true, chainWithoutRevocation: 'trusted' },
      'revocation_not_checked',
    ],
    [
      'catch-all, chain expired',
      { certificate: 'generic_error' },
      { ocspAnswered: false, chainWithoutRevocation: 'expired' },
      'expired',
    ],
    [
      'catch-all, chain from an unknown root',
      { certificate: 'generic_error' },
      { ocspAnswered: false, chainWithoutRevocation: 'unknown_issuer' },
      'untrusted_issuer',
    ],
  ])('%s', (_, over, facts, outcome) => {
    const s = sig(over);
    expect(signatureOutcome(s, [s], facts)).toBe(outcome);
  });

  it('does not call a first signature "changed" when a later valid signature covers the rest', () => {
    const first = sig({ wholeDocument: false, signedUpTo: 1000 });
    const second = sig({ signerName: 'Trần Thị Hồng', signedUpTo: 2000 });
    expect(signatureOutcome(first, [first, second], answered)).toBe('valid');
    expect(signatureOutcome(second, [first, second], answered)).toBe('valid');
  });

  it('still calls it changed when the later signature itself is not whole or not valid', () => {
    const first = sig({ wholeDocument: false, signedUpTo: 1000 });
    const appendedAfterBoth = sig({ wholeDocument: false, signedUpTo: 2000 });
    expect(signatureOutcome(first, [first, appendedAfterBoth], answered)).toBe('changed_after_signing');
    const broken = sig({ signedUpTo: 2000, signature: 'digest_mismatch' });
    expect(signatureOutcome(first, [first, broken], answered)).toBe('changed_after_signing');
  });
});
