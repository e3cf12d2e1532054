import * as pkijs from 'pkijs';
import type { RevocationStatus } from '../../common/contract';
import { crlUrls, ocspUrls } from './certificate-facts';
import { type CrlSource, createCrlCache } from './crl-cache';
import { askOcsp } from './ocsp-check';
import type * as x509 from './x509';

export interface RevocationResult {
  status: RevocationStatus;
  method: 'crl' | 'ocsp' | null;
  revokedAt: Date | null;
}

export interface RevocationChecker {
  /** Checks every certificate of a trusted path but the anchor, each against its issuer. */
  check(path: readonly x509.X509Certificate[], now: Date): Promise<RevocationResult>;
}

export interface RevocationOptions {
  mode: 'crl-ocsp' | 'off';
  timeoutMs: number;
  maxBytes: number;
}

type OneAnswer = { status: 'good' | 'revoked'; method: 'crl' | 'ocsp'; revokedAt: Date | null } | null;

/**
 * CRL first (cached until its nextUpdate), then OCSP. A CA's servers may be offline: then the
 * answer is honestly "not checked", never "good".
 */
export function createRevocationChecker(
  options: RevocationOptions,
  crls: CrlSource = createCrlCache(options),
) {
  async function checkOne(
    cert: x509.X509Certificate,
    issuer: x509.X509Certificate,
    now: Date,
  ): Promise<OneAnswer> {
    for (const url of crlUrls(cert)) {
      const crl = await crls.get(url, issuer, now);
      if (!crl) continue;
      const entry = crl.findRevoked(cert);
      if (entry && entry.revocationDate <= now)
        return { status: 'revoked', method: 'crl', revokedAt: entry.revocationDate };
      return { status: 'good', method: 'crl', revokedAt: null };
    }
    for (const url of ocspUrls(cert)) {
      const answer = await askOcsp(url, toPkijs(cert), toPkijs(issuer), now, options);
      if (answer) return { status: answer, method: 'ocsp', revokedAt: null };
    }
    return null;
  }

  const checker: RevocationChecker = {
    async check(path, now) {
      if (options.mode === 'off') return { status: 'disabled', method: null, revokedAt: null };
      let leafMethod: 'crl' | 'ocsp' | null = null;
      let unanswered = false;
      for (let i = 0; i + 1 < path.length; i++) {
        const answer = await checkOne(path[i]!, path[i + 1]!, now);
        if (!answer) {
          unanswered = true;
          continue;
        }
        if (answer.status === 'revoked') return answer;
        if (i === 0) leafMethod = answer.method;
      }
      if (unanswered || path.length < 2) return { status: 'not_checked', method: null, revokedAt: null };
      return { status: 'good', method: leafMethod, revokedAt: null };
    },
  };
  return checker;
}

function toPkijs(cert: x509.X509Certificate): pkijs.Certificate {
  return pkijs.Certificate.fromBER(cert.rawData);
}
