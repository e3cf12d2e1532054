import { z } from 'zod';

/**
 * Đ8.2d: mail from an old IMAP server. The user (or an admin, for a unit) names the old server
 * and its login; a background job copies every folder into the new mailbox, resumably, and the
 * old password is kept only while the job runs.
 */
export const MIGRATION_LIMITS = {
  hostLength: 253,
  userLength: 320,
  passwordLength: 256,
  /** Failures listed in a report; the counts include all of them. */
  failuresShown: 100,
} as const;

export const MigrationSecurity = z.enum(['tls', 'starttls', 'none']);
export type MigrationSecurity = z.infer<typeof MigrationSecurity>;

export const OldServer = z
  .object({
    host: z
      .string()
      .trim()
      .min(1)
      .max(MIGRATION_LIMITS.hostLength)
      .regex(/^[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:.]+\]$/, 'host name or address'),
    port: z.number().int().min(1).max(65_535),
    security: MigrationSecurity,
    /** Old servers often carry a certificate of their own making; accepted only when asked. */
    acceptSelfSigned: z.boolean().default(false),
  })
  .meta({ id: 'OldServer' });
export type OldServer = z.input<typeof OldServer>;

export const OldLogin = OldServer.extend({
  user: z.string().trim().min(1).max(MIGRATION_LIMITS.userLength),
  password: z.string().min(1).max(MIGRATION_LIMITS.passwordLength),
}).meta({ id: 'OldLogin' });
export type OldLogin = z.input<typeof OldLogin>;

export const SpecialUseTarget = z.enum(['inbox', 'sent', 'drafts', 'trash', 'junk', 'archive']);

export const OldFolderPreview = z
  .object({
    path: z.string(),
    messages: z.number().int(),
    /** Where it will go in the new mailbox. */
    target: z.string(),
    use: SpecialUseTarget.nullable(),
  })
  .meta({ id: 'OldFolderPreview' });

export const ConnectionCheck = z
  .object({ folders: z.array(OldFolderPreview), messages: z.number().int() })
  .meta({ id: 'ConnectionCheck' });
export type ConnectionCheck = z.infer<typeof ConnectionCheck>;

export const MigrationState = z.enum(['queued', 'running', 'done', 'failed']);
export type MigrationState = z.infer<typeof MigrationState>;

export const MigrationFailure = z
  .object({ folder: z.string(), uid: z.number().int(), code: z.string(), detail: z.string() })
  .meta({ id: 'MigrationFailure' });

export const MigrationFolderProgress = z
  .object({
    source: z.string(),
    target: z.string(),
    total: z.number().int(),
    copied: z.number().int(),
    skipped: z.number().int(),
    failed: z.number().int(),
    done: z.boolean(),
  })
  .meta({ id: 'MigrationFolderProgress' });

export const MigrationStatus = z
  .object({
    id: z.string(),
    mailbox: z.string(),
    host: z.string(),
    oldUser: z.string(),
    state: MigrationState,
    /** Why it stopped (an error code, as in ApiError), null while it runs or when it succeeded. */
    error: z.string().nullable(),
    total: z.number().int(),
    copied: z.number().int(),
    skipped: z.number().int(),
    failed: z.number().int(),
    folders: z.array(MigrationFolderProgress),
    failures: z.array(MigrationFailure),
    createdAt: z.number(),
    finishedAt: z.number().nullable(),
  })
  .meta({ id: 'MigrationStatus' });
export type MigrationStatus = z.infer<typeof MigrationStatus>;

export const MigrationCurrent = z
  .object({ migration: MigrationStatus.nullable() })
  .meta({ id: 'MigrationCurrent' });
export type MigrationCurrent = z.infer<typeof MigrationCurrent>;
