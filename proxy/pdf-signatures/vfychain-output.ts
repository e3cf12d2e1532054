import type { CertificateCheck } from './pdfsig-output';

/**
 * NSS's `vfychain` checks a chain against the same database without asking about revocation.
 * Pure: its exit code and output in, pdfsig's vocabulary out. The numbers are NSS's own error
 * codes (secerr.h), steadier than its sentences.
 */
const BY_CODE: Record<string, CertificateCheck> = {
  '-8181': 'expired', // SEC_ERROR_EXPIRED_CERTIFICATE
  '-8162': 'expired', // SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE
  '-8180': 'revoked', // SEC_ERROR_REVOKED_CERTIFICATE
  '-8179': 'unknown_issuer', // SEC_ERROR_UNKNOWN_ISSUER
  '-8172': 'untrusted_issuer', // SEC_ERROR_UNTRUSTED_ISSUER
  '-8171': 'untrusted_issuer', // SEC_ERROR_UNTRUSTED_CERT
  '-8156': 'untrusted_issuer', // SEC_ERROR_CA_CERT_INVALID
};

export function parseVfychainOutput(code: number | null, output: string): CertificateCheck {
  if (code === 0 && /chain is good/i.test(output)) return 'trusted';
  const first = /ERROR (-\d+)/.exec(output)?.[1];
  return (first && BY_CODE[first]) || 'generic_error';
}

/** vfychain's -b: YYMMDDHHMMZ, UTC. */
export function vfychainTime(iso: string): string {
  return `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}Z`;
}
