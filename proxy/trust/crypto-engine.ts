import * as pkijs from 'pkijs';
import * as x509 from './x509';

let ready = false;

/**
 * Both certificate libraries on Node's own WebCrypto: no second implementation of the primitives.
 * Called before any parsing; cheap after the first time.
 */
export function setUpNodeCrypto(): void {
  if (ready) return;
  x509.cryptoProvider.set(globalThis.crypto);
  pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: globalThis.crypto }));
  ready = true;
}

/** A pkijs certificate (from a CMS structure) as @peculiar/x509 reads it. */
export function toX509(cert: pkijs.Certificate): x509.X509Certificate {
  return new x509.X509Certificate(cert.toSchema().toBER(false));
}
