import { z } from 'zod';

/**
 * Đ14.2h: a message signed in the browser with the user's own certificate. The proxy prepares the
 * MIME entity exactly as it will be sent and hands out only its SHA-256; the browser signs that
 * (the key never leaves it) and sends the signature back with the id of what it signed.
 */
export const SigningPrepared = z
  .object({
    /** Names the prepared entity in the store; good for a few minutes. */
    preparedId: z.uuid(),
    /** SHA-256 of the entity, base64: what the CMS messageDigest attribute must carry. */
    digest: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
    expiresAt: z.number().int(),
  })
  .meta({ id: 'SigningPrepared' });
export type SigningPrepared = z.infer<typeof SigningPrepared>;

export const SignedSend = z
  .object({
    composeId: z.uuid(),
    preparedId: z.uuid(),
    /** A detached CMS SignedData (DER, base64) with the signer's certificate chain. */
    signature: z
      .string()
      .max(200_000)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/),
  })
  .meta({ id: 'SignedSend' });
export type SignedSend = z.infer<typeof SignedSend>;
