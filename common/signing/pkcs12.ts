import * as pkijs from 'pkijs';
import { SigningError } from './signing-errors';
import { bufferOf, engineOf, type WebCrypto } from './web-crypto';

const KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';
const X509_CERTIFICATE = '1.2.840.113549.1.9.22.1';
// The DER of the OID arc 1.2.840.113549.1.12.1 (pbeWithSHAAnd…: RC2, RC4, 3DES), without its last
// number: the legacy PKCS#12 encryptions, which WebCrypto cannot decrypt.
const LEGACY_PBE_PREFIX = [0x06, 0x0a, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x01];

export interface Pkcs12Contents {
  /** The private key as PKCS#8. The caller imports it and then wipes these bytes. */
  privateKeyPkcs8: Uint8Array;
  /** Every certificate in the file (DER), in the file's order. */
  certificates: Uint8Array[];
}

/**
 * Opens a .p12/.pfx with its password, in memory only. Only PBES2 (AES) encryption is read, as
 * OpenSSL 3, current Windows and macOS write by default; a file in the old RC2/3DES form is told
 * apart by its algorithm identifiers so that the user learns to export it again, not that the
 * password is wrong.
 */
export async function readPkcs12(
  file: Uint8Array,
  password: string,
  crypto: WebCrypto,
): Promise<Pkcs12Contents> {
  const engine = engineOf(crypto);
  let pfx: pkijs.PFX;
  try {
    pfx = pkijs.PFX.fromBER(bufferOf(file));
  } catch {
    throw new SigningError('signing_p12_unreadable');
  }
  if (usesLegacyEncryption(file)) throw new SigningError('signing_p12_legacy');
  const secret = bufferOf(utf8(password.normalize('NFC')));
  try {
    await pfx.parseInternalValues({ password: secret, checkIntegrity: true }, engine);
  } catch (error) {
    throw new SigningError(
      /integrity|mac/i.test(String(error)) ? 'signing_p12_wrong_password' : 'signing_p12_unreadable',
    );
  }
  const safe = pfx.parsedValue?.authenticatedSafe;
  if (!safe) throw new SigningError('signing_p12_unreadable');
  try {
    await safe.parseInternalValues(
      { safeContents: safe.safeContents.map(() => ({ password: secret })) },
      engine,
    );
  } catch {
    // The MAC was right, so the password is too: what is left is damage or an unknown cipher.
    throw new SigningError('signing_p12_unreadable');
  }

  let privateKeyPkcs8: Uint8Array | null = null;
  const certificates: Uint8Array[] = [];
  for (const contents of safe.parsedValue.safeContents as { value: pkijs.SafeContents }[]) {
    for (const bag of contents.value.safeBags) {
      if (bag.bagId === SHROUDED_KEY_BAG) {
        // Declared protected in pkijs's types, yet it is how a shrouded key is decrypted.
        const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag & {
          parseInternalValues(p: { password: ArrayBuffer }, e: pkijs.ICryptoEngine): Promise<void>;
        };
        try {
          await shrouded.parseInternalValues({ password: secret }, engine);
        } catch {
          throw new SigningError('signing_p12_wrong_password');
        }
        if (shrouded.parsedValue) privateKeyPkcs8 ??= derOf(shrouded.parsedValue);
      } else if (bag.bagId === KEY_BAG) {
        privateKeyPkcs8 ??= derOf(bag.bagValue as pkijs.PrivateKeyInfo);
      } else if (bag.bagId === CERT_BAG) {
        const certBag = bag.bagValue as pkijs.CertBag;
        if (certBag.certId === X509_CERTIFICATE && certBag.parsedValue instanceof pkijs.Certificate)
          certificates.push(derOf(certBag.parsedValue));
      }
    }
  }
  if (!privateKeyPkcs8) throw new SigningError('signing_p12_no_key');
  if (certificates.length === 0) throw new SigningError('signing_p12_no_certificate');
  return { privateKeyPkcs8, certificates };
}

/** UTF-8, written out: common/ is compiled without the DOM's or Node's TextEncoder. */
function utf8(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(bytes);
}

function derOf(value: { toSchema(): { toBER(): ArrayBuffer } }): Uint8Array {
  return new Uint8Array(value.toSchema().toBER());
}

/** True when the file names one of the PKCS#12 v1 password-based ciphers (RC2, RC4, 3DES). */
export function usesLegacyEncryption(file: Uint8Array): boolean {
  const n = LEGACY_PBE_PREFIX.length;
  outer: for (let i = 0; i + n < file.length; i++) {
    for (let j = 0; j < n; j++) if (file[i + j] !== LEGACY_PBE_PREFIX[j]) continue outer;
    return true;
  }
  return false;
}
