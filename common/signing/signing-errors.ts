/**
 * Why a certificate file or a signature was refused. Each is a stable code (the client shows the
 * catalogue's `smimeSign.error.<code>`; the proxy's codes are in contract/errors.ts).
 */
export type SigningErrorCode =
  /** RC2/3DES-encrypted PKCS#12 (old Windows/OpenSSL exports): the browser cannot decrypt them. */
  | 'signing_p12_legacy'
  | 'signing_p12_wrong_password'
  /** Not a PKCS#12 file at all, or a damaged one. */
  | 'signing_p12_unreadable'
  | 'signing_p12_no_key'
  /** No certificate in the file belongs to the key. */
  | 'signing_p12_no_certificate'
  /** Neither RSA nor ECDSA P-256/P-384. */
  | 'signing_key_unsupported'
  | 'signing_cert_email_mismatch'
  | 'signing_cert_expired';

export class SigningError extends Error {
  constructor(readonly code: SigningErrorCode) {
    super(code);
    this.name = 'SigningError';
  }
}
