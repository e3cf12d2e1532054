import { z } from 'zod';

/**
 * Đ14.2h: what the proxy found when it checked a message's S/MIME signature (RFC 8551). One
 * outcome the reader shows first, and the facts behind it for the details.
 */
export const signatureOutcomes = [
  'valid',
  'content_altered',
  'untrusted_issuer',
  'expired',
  'not_for_sender',
  'revoked',
  'revocation_not_checked',
  'malformed',
] as const;
export const SignatureOutcome = z.enum(signatureOutcomes);
export type SignatureOutcome = z.infer<typeof SignatureOutcome>;

/** disabled: the operator turned checking off (REVOCATION_CHECK=off); not_checked: no answer came. */
export const RevocationStatus = z.enum(['good', 'revoked', 'not_checked', 'disabled']);
export type RevocationStatus = z.infer<typeof RevocationStatus>;

export const MessageSignature = z
  .object({
    outcome: SignatureOutcome,
    /** detached: multipart/signed; opaque: application/pkcs7-mime signed-data (content inside). */
    form: z.enum(['detached', 'opaque']),
    /** From the signer's certificate: its common name, first e-mail address and organisation (O). */
    signerName: z.string().nullable(),
    signerEmail: z.string().nullable(),
    organisation: z.string().nullable(),
    /** The certificate authority that issued the signer's certificate (its common name). */
    issuerName: z.string().nullable(),
    /** ISO 8601; from the signingTime signed attribute, else the message's arrival time. */
    signingTime: z.string().nullable(),
    signingTimeSource: z.enum(['signed_attribute', 'arrival']),
    /** The signature matches the content exactly as it is in the message. */
    contentIntact: z.boolean(),
    /** The certificate chains up to one of the configured trust anchors (TRUST_ANCHORS_DIR). */
    chainTrusted: z.boolean(),
    /** Every certificate of the chain was within its validity period at the signing time. */
    validAtSigningTime: z.boolean(),
    /** Key usage and extended key usage, where present, allow signing e-mail. */
    usageAllowed: z.boolean(),
    /** A certificate e-mail address is the From address. */
    matchesFrom: z.boolean(),
    revocation: RevocationStatus,
    revocationMethod: z.enum(['crl', 'ocsp']).nullable(),
    /** ISO 8601, when revoked. */
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'MessageSignature' });
export type MessageSignature = z.infer<typeof MessageSignature>;
