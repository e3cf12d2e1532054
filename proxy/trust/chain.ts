import { isCaCertificate } from './certificate-facts';
import type * as x509 from './x509';

export interface Chain {
  /** Signer first; ends with the trust anchor when trusted, else where building stopped. */
  path: x509.X509Certificate[];
  trusted: boolean;
}

const MAX_DEPTH = 8;

async function issuedBy(cert: x509.X509Certificate, issuer: x509.X509Certificate): Promise<boolean> {
  if (cert.issuer !== issuer.subject) return false;
  return cert.verify({ publicKey: issuer.publicKey, signatureOnly: true }).catch(() => false);
}

/**
 * Builds the path from the signer's certificate up to a configured anchor, through the
 * intermediates the message carried and those the operator configured. Every link's signature is
 * checked; an intermediate must be a CA. Validity dates are judged apart (validAt), so that an
 * expired certificate is reported as expired rather than as untrusted.
 */
export async function buildChain(
  leaf: x509.X509Certificate,
  intermediates: readonly x509.X509Certificate[],
  anchors: readonly x509.X509Certificate[],
): Promise<Chain> {
  const path = [leaf];
  let current = leaf;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    for (const anchor of anchors) {
      if (await issuedBy(current, anchor)) {
        if (!sameCertificate(anchor, current)) path.push(anchor);
        return { path, trusted: true };
      }
    }
    if (current.subject === current.issuer) break; // a root nobody configured
    let next: x509.X509Certificate | null = null;
    for (const candidate of intermediates) {
      if (path.includes(candidate) || !isCaCertificate(candidate)) continue;
      if (await issuedBy(current, candidate)) {
        next = candidate;
        break;
      }
    }
    if (!next) break;
    path.push(next);
    current = next;
  }
  return { path, trusted: false };
}

function sameCertificate(a: x509.X509Certificate, b: x509.X509Certificate): boolean {
  return Buffer.from(a.rawData).equals(Buffer.from(b.rawData));
}

/** Every certificate of the path was within its validity period at that moment. */
export function validAt(path: readonly x509.X509Certificate[], at: Date): boolean {
  return path.every((cert) => cert.notBefore <= at && at <= cert.notAfter);
}
