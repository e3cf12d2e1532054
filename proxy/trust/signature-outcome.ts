import type { RevocationStatus, SignatureOutcome } from '../../common/contract';

/** What checking a signature established, each fact on its own. */
export interface SignatureFacts {
  /** The CMS structure could be read and names its signer's certificate. */
  parsed: boolean;
  contentIntact: boolean;
  chainTrusted: boolean;
  validAtSigningTime: boolean;
  usageAllowed: boolean;
  matchesFrom: boolean;
  revocation: RevocationStatus;
}

/**
 * Đ14.2h: the one outcome a reader sees first. The worst fact wins, in this order: a signature
 * that cannot be read; content changed after signing (whoever signed, this is not what they
 * signed); an issuer nobody here trusts (then nothing else the certificate says can be believed);
 * a revoked certificate; one not valid when it signed; one not issued for this sender or for
 * e-mail; and last, a signature otherwise sound whose revocation could not be checked.
 */
export function signatureOutcome(facts: SignatureFacts): SignatureOutcome {
  if (!facts.parsed) return 'malformed';
  if (!facts.contentIntact) return 'content_altered';
  if (!facts.chainTrusted) return 'untrusted_issuer';
  if (facts.revocation === 'revoked') return 'revoked';
  if (!facts.validAtSigningTime) return 'expired';
  if (!facts.matchesFrom || !facts.usageAllowed) return 'not_for_sender';
  if (facts.revocation !== 'good') return 'revocation_not_checked';
  return 'valid';
}
