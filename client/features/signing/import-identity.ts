import { readPkcs12 } from '../../../common/signing/pkcs12';
import { importSigningIdentity } from '../../../common/signing/signing-key';
import type { WebCrypto } from '../../../common/signing/web-crypto';
import type { LoadedIdentity } from './signing-store';

/**
 * Opens the chosen .p12/.pfx in this tab: the password and the PKCS#8 bytes never leave it, and
 * the key comes out non-extractable. Throws a SigningError with a stable code.
 */
export async function importIdentity(file: File, password: string, email: string): Promise<LoadedIdentity> {
  const webCrypto = crypto as unknown as WebCrypto;
  const contents = await readPkcs12(new Uint8Array(await file.arrayBuffer()), password, webCrypto);
  const identity = await importSigningIdentity(contents, webCrypto, { address: email, now: new Date() });
  return {
    key: identity.key as CryptoKey,
    chain: identity.chain,
    certificate: identity.certificate,
    persisted: false,
  };
}
