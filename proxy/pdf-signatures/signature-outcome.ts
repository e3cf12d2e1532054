import type { PdfSignatureOutcome } from '../../common/contract/pdf-signatures';
import type { CertificateCheck, PdfsigSignature } from './pdfsig-output';

/** What the verifier learnt beside pdfsig's own words, per signature. */
export interface RevocationFacts {
  /** The signer's certificate names an OCSP responder, OCSP was asked for and it could be reached. */
  ocspAnswered: boolean;
  /**
   * The chain checked again without any revocation check (NSS's vfychain), asked only when
   * pdfsig gave its catch-all "unknown issue": poppler 22.12 reports that whenever OCSP is off
   * or the responder cannot be reached, even for a good chain.
   */
  chainWithoutRevocation: CertificateCheck | null;
}

/**
 * One signature's outcome. The document first (are the signed bytes intact, was anything added
 * after), then the signer (is the certificate from a configured anchor, was it valid and not
 * revoked at the signing time). Anything unknown falls to a non-green outcome.
 */
export function signatureOutcome(
  sig: PdfsigSignature,
  all: readonly PdfsigSignature[],
  facts: RevocationFacts,
): PdfSignatureOutcome {
  if (sig.signature === 'digest_mismatch') return 'content_altered';
  if (sig.signature !== 'valid') return 'malformed';
  if (sig.wholeDocument !== true && !coveredByLaterSignature(sig, all)) return 'changed_after_signing';
  const cert =
    sig.certificate === 'generic_error' ? (facts.chainWithoutRevocation ?? 'generic_error') : sig.certificate;
  switch (cert) {
    case 'revoked':
      return 'revoked';
    case 'unknown_issuer':
    case 'untrusted_issuer':
      return 'untrusted_issuer';
    case 'expired':
      return 'expired';
    case 'trusted':
      // A chain that was only trusted by the second, revocation-free check was never asked about.
      return sig.certificate === 'trusted' && facts.ocspAnswered ? 'valid' : 'revocation_not_checked';
    default:
      return 'malformed';
  }
}

/**
 * A document signed by two people (the leader, then the office's seal) ends the first signature
 * before the second revision: that revision is itself signed, up to the end of the file, by a
 * later valid signature, so the first is not "changed after signing" in the sense a reader fears.
 */
function coveredByLaterSignature(sig: PdfsigSignature, all: readonly PdfsigSignature[]): boolean {
  if (sig.signedUpTo === null) return false;
  return all.some(
    (other) =>
      other !== sig &&
      other.signature === 'valid' &&
      other.wholeDocument === true &&
      other.signedUpTo !== null &&
      other.signedUpTo > sig.signedUpTo!,
  );
}
