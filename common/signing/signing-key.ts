import {
  type CertificateInfo,
  certificateCoversAddress,
  certificateInfo,
  type KeyKind,
  parseCertificate,
} from './certificate-info';
import type { Pkcs12Contents } from './pkcs12';
import { SigningError } from './signing-errors';
import type { SigningKey, WebCrypto } from './web-crypto';

export interface SigningIdentity {
  /** Non-extractable, usable only to sign: the key can be used but never read back. */
  key: SigningKey;
  /** DER, the signer's certificate first, then the other certificates the file carried. */
  chain: Uint8Array[];
  certificate: CertificateInfo;
}

/** RSA as PKCS#1 v1.5 with SHA-256 (what every mail client verifies); ECDSA on P-256 or P-384. */
export function keyAlgorithm(kind: KeyKind): object | null {
  if (kind.kind === 'RSA') return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  if (kind.kind === 'EC') return { name: 'ECDSA', namedCurve: kind.curve };
  return null;
}

export function signatureAlgorithm(kind: KeyKind): object {
  return kind.kind === 'EC' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5' };
}

/**
 * Turns an opened PKCS#12 into a key that can sign and never be exported, and the certificate
 * that goes with it: the certificate whose public key verifies a test signature made with the key
 * (the file may also hold the CA's certificates). The certificate must name the user's own
 * address and be valid now. The PKCS#8 bytes are overwritten once imported.
 */
export async function importSigningIdentity(
  contents: Pkcs12Contents,
  crypto: WebCrypto,
  expected: { address: string; now: Date },
): Promise<SigningIdentity> {
  try {
    let sawSupported = false;
    for (const der of contents.certificates) {
      const info = certificateInfo(der);
      const algorithm = keyAlgorithm(info.key);
      if (!algorithm) continue;
      sawSupported = true;
      const key = await crypto.subtle
        .importKey('pkcs8', contents.privateKeyPkcs8, algorithm, false, ['sign'])
        .catch(() => null);
      if (!key || !(await keyMatchesCertificate(key, der, info.key, crypto))) continue;
      if (!certificateCoversAddress(info, expected.address))
        throw new SigningError('signing_cert_email_mismatch');
      const t = expected.now.getTime();
      if (t < info.notBefore.getTime() || t > info.notAfter.getTime())
        throw new SigningError('signing_cert_expired');
      const others = contents.certificates.filter((c) => c !== der);
      return { key, chain: [der, ...others], certificate: info };
    }
    throw new SigningError(sawSupported ? 'signing_p12_no_certificate' : 'signing_key_unsupported');
  } finally {
    contents.privateKeyPkcs8.fill(0);
  }
}

async function keyMatchesCertificate(
  key: SigningKey,
  certificateDer: Uint8Array,
  kind: KeyKind,
  crypto: WebCrypto,
): Promise<boolean> {
  const spki = new Uint8Array(parseCertificate(certificateDer).subjectPublicKeyInfo.toSchema().toBER());
  const algorithm = keyAlgorithm(kind)!;
  const publicKey = await crypto.subtle.importKey('spki', spki, algorithm, true, ['verify']);
  const challenge = crypto.getRandomValues(new Uint8Array(32));
  const signature = await crypto.subtle.sign(signatureAlgorithm(kind), key, challenge);
  return crypto.subtle.verify(signatureAlgorithm(kind), publicKey, signature, challenge);
}
