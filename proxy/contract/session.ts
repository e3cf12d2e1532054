import { z } from 'zod';

export const LoginRequest = z
  .object({
    // Lower-cased and NFC-normalised: users type addresses from phones and Vietnamese IMEs.
    email: z
      .string()
      .trim()
      .min(3)
      .max(254)
      .transform((s) => s.normalize('NFC').toLowerCase()),
    password: z.string().min(1).max(1024),
  })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.input<typeof LoginRequest>;

export const SessionInfo = z
  .object({
    email: z.string(),
    /** Sent back as the x-csrf-token header on every mutating request. */
    csrfToken: z.string(),
    expiresAt: z.string().datetime(),
  })
  .meta({ id: 'SessionInfo' });
export type SessionInfo = z.infer<typeof SessionInfo>;
