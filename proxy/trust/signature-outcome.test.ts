import { describe, expect, it } from 'vitest';
import { signatureOutcomes } from '../../common/contract';
import en from '../../common/i18n/en.json';
import vi from '../../common/i18n/vi.json';
import { type SignatureFacts, signatureOutcome } from './signature-outcome';

const sound: SignatureFacts = {
  parsed: true,
  contentIntact: true,
  chainTrusted: true,
  validAtSigningTime: true,
  usageAllowed: true,
  matchesFrom: true,
  revocation: 'good',
};

describe('signatureOutcome', () => {
  it.each<[string, Partial<SignatureFacts>, string]>([
    ['every fact sound', {}, 'valid'],
    ['unreadable signature', { parsed: false, contentIntact: false, chainTrusted: false }, 'malformed'],
    ['content changed', { contentIntact: false }, 'content_altered'],
    [
      'content changed and untrusted: the change comes first',
      { contentIntact: false, chainTrusted: false },
      'content_altered',
    ],
    ['no configured anchor', { chainTrusted: false, revocation: 'not_checked' }, 'untrusted_issuer'],
    ['untrusted and expired', { chainTrusted: false, validAtSigningTime: false }, 'untrusted_issuer'],
    ['not valid at signing time', { validAtSigningTime: false }, 'expired'],
    ['revoked', { revocation: 'revoked' }, 'revoked'],
    [
      'revoked and expired: revoked is worse',
      { revocation: 'revoked', validAtSigningTime: false },
      'revoked',
    ],
    ['certificate for another address', { matchesFrom: false }, 'not_for_sender'],
    ['certificate not for e-mail', { usageAllowed: false }, 'not_for_sender'],
    [
      'wrong address, revocation unknown',
      { matchesFrom: false, revocation: 'not_checked' },
      'not_for_sender',
    ],
    ['CRL and OCSP servers offline', { revocation: 'not_checked' }, 'revocation_not_checked'],
    ['checking turned off by the operator', { revocation: 'disabled' }, 'revocation_not_checked'],
  ])('%s', (_name, change, expected) => {
    expect(signatureOutcome({ ...sound, ...change })).toBe(expected);
  });

  it('has wording for every outcome in Vietnamese and English', () => {
    for (const catalogue of [vi, en]) {
      const outcomes: Record<string, string> = catalogue.smime.outcome;
      expect(signatureOutcomes.filter((code) => !outcomes[code])).toEqual([]);
    }
  });
});
