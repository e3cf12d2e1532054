import { z } from 'zod';

/**
 * The Sở TT&TT console (issue 6). Each area of the console adds its own schemas in a
 * console-<area>.ts file beside this one.
 */
export const Role = z.enum(['user', 'unit_manager', 'admin']).meta({ id: 'Role' });
export type Role = z.infer<typeof Role>;

export const ConsoleMe = z
  .object({
    email: z.string(),
    role: Role,
    /** A unit manager's unit (their scope); an admin's own unit, if recorded. */
    unitCode: z.string().nullable(),
    secondFactor: z.object({
      enrolled: z.boolean(),
      /** Passed in this session: the console's APIs answer. */
      verified: z.boolean(),
      recoveryCodesLeft: z.number().int().min(0),
    }),
  })
  .meta({ id: 'ConsoleMe' });
export type ConsoleMe = z.infer<typeof ConsoleMe>;

export const SecondFactorEnrolment = z
  .object({
    /** For authenticator apps: shown as a QR code (qrSvg) and as the key to type (secret). */
    otpauthUri: z.string(),
    secret: z.string(),
    qrSvg: z.string(),
  })
  .meta({ id: 'SecondFactorEnrolment' });
export type SecondFactorEnrolment = z.infer<typeof SecondFactorEnrolment>;

export const SecondFactorCode = z
  .object({
    /** Six digits from the app, or one recovery code (xxxxx-xxxxx). */
    code: z.string().trim().min(6).max(32),
  })
  .meta({ id: 'SecondFactorCode' });
export type SecondFactorCode = z.infer<typeof SecondFactorCode>;

export const RecoveryCodes = z.object({ codes: z.array(z.string()) }).meta({ id: 'RecoveryCodes' });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;
