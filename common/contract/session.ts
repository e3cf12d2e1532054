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

export const PasswordStatus = z
  .object({
    /** Set when the session may only change the password (Đ6.3c first log-in, Đ13.3 expiry). */
    changeRequired: z.enum(['first_login', 'expired']).nullable(),
    ageDays: z.number().int().min(0),
    /** Days left before the change is required, from the reminder day on (Đ13.3); else null. */
    daysLeft: z.number().int().min(0).nullable(),
    /** Past the maximum age but within the configured grace period; else null. */
    graceDaysLeft: z.number().int().min(0).nullable(),
  })
  .meta({ id: 'PasswordStatus' });
export type PasswordStatus = z.infer<typeof PasswordStatus>;

export const SessionInfo = z
  .object({
    email: z.string(),
    /** Sent back as the x-csrf-token header on every mutating request. */
    csrfToken: z.string(),
    expiresAt: z.string().datetime(),
    password: PasswordStatus,
    /** Whether to offer the Sở TT&TT console (admin, unit_manager); the console asks its own guard. */
    role: z.enum(['user', 'unit_manager', 'admin']),
  })
  .meta({ id: 'SessionInfo' });
export type SessionInfo = z.infer<typeof SessionInfo>;

/** Passwords travel as typed: no trimming, no normalisation (the rules refuse what would need it). */
export const PasswordChangeRequest = z
  .object({
    current: z.string().min(1).max(1024),
    next: z.string().min(1).max(1024),
  })
  .meta({ id: 'PasswordChangeRequest' });
export type PasswordChangeRequest = z.infer<typeof PasswordChangeRequest>;
