import { signDetached } from '../../../common/signing/cms-signature';
import type { WebCrypto } from '../../../common/signing/web-crypto';
import type { LoadedIdentity } from './signing-store';

/** The detached CMS signature (base64) over the entity whose SHA-256 the proxy sent (base64). */
export async function signDigest(identity: LoadedIdentity, digestBase64: string): Promise<string> {
  const digest = Uint8Array.from(atob(digestBase64), (c) => c.charCodeAt(0));
  const signature = await signDetached({
    contentDigest: digest,
    key: identity.key,
    chain: identity.chain,
    signingTime: new Date(),
    crypto: crypto as unknown as WebCrypto,
  });
  let binary = '';
  for (const b of signature) binary += String.fromCharCode(b);
  return btoa(binary);
}
