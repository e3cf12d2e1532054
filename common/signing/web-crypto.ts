import * as pkijs from 'pkijs';

/**
 * The slice of WebCrypto the signing code uses. common/ is compiled without the DOM's or Node's
 * types, so it is declared here: the browser's `crypto` and Node's `globalThis.crypto` both fit.
 * Keys are opaque here (a CryptoKey on either side).
 */
export type SigningKey = { readonly type: string; readonly extractable: boolean; readonly algorithm: object };
export interface WebCrypto {
  readonly subtle: {
    importKey(
      format: 'pkcs8' | 'spki',
      data: ArrayBuffer | Uint8Array,
      algorithm: object,
      extractable: boolean,
      usages: ('sign' | 'verify')[],
    ): Promise<SigningKey>;
    sign(algorithm: object, key: SigningKey, data: ArrayBuffer | Uint8Array): Promise<ArrayBuffer>;
    verify(
      algorithm: object,
      key: SigningKey,
      signature: ArrayBuffer | Uint8Array,
      data: ArrayBuffer | Uint8Array,
    ): Promise<boolean>;
    digest(algorithm: string, data: ArrayBuffer | Uint8Array): Promise<ArrayBuffer>;
  };
  getRandomValues<T extends Uint8Array>(array: T): T;
}

/** pkijs's engine on the given WebCrypto (never a global one: the caller decides). */
export function engineOf(crypto: WebCrypto): pkijs.ICryptoEngine {
  return new pkijs.CryptoEngine({ name: 'webcrypto', crypto: crypto as never });
}

/** A fresh ArrayBuffer holding exactly these bytes (pkijs and WebCrypto want ArrayBuffers). */
export function bufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer as ArrayBuffer;
}
