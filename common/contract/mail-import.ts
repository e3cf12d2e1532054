import { z } from 'zod';
import { ApiErrorBody } from './errors';
import { MailboxParams } from './messages';
import { QueryFlag } from './route';

/**
 * Importing mail from files (Đ8.2d): .eml, a .zip of .eml files, and .mbox (mboxrd or mboxo)
 * appended to one folder. Every code here is also an error code (errors.ts) with its catalogue
 * message, so the client explains a per-message failure as it explains any refusal.
 */
export const mailImportFailureCodes = [
  'not_mail',
  'malformed_mbox',
  'zip_unsafe',
  'message_too_large',
  'import_append_failed',
] as const;
export const MailImportFailureCode = z.enum(mailImportFailureCodes);
export type MailImportFailureCode = z.infer<typeof MailImportFailureCode>;

export const MailImportFileKind = z.enum(['eml', 'mbox', 'zip', 'not_mail']);
export type MailImportFileKind = z.infer<typeof MailImportFileKind>;

export const MailImportFailure = z
  .object({
    /** The uploaded file's name (for a ZIP: "archive.zip › entry.eml"). */
    file: z.string(),
    /** 1-based position of the message in its file (an mbox's n-th message); null for the whole file. */
    index: z.number().int().positive().nullable(),
    /** For an mbox: the line of the message's "From " separator, or where reading stopped. */
    line: z.number().int().positive().nullable(),
    subject: z.string().nullable(),
    code: MailImportFailureCode,
    /** A size or a limit the message quotes (message_too_large). */
    details: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  })
  .meta({ id: 'MailImportFailure' });
export type MailImportFailure = z.infer<typeof MailImportFailure>;

export const MailImportFileReport = z
  .object({
    name: z.string(),
    kind: MailImportFileKind,
    imported: z.number().int().nonnegative(),
    duplicates: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
  })
  .meta({ id: 'MailImportFileReport' });
export type MailImportFileReport = z.infer<typeof MailImportFileReport>;

/** Failures listed one by one at most; the count goes on. */
export const MAIL_IMPORT_FAILURES_LISTED = 500;

export const MailImportReport = z
  .object({
    folder: z.string(),
    imported: z.number().int().nonnegative(),
    /** Already in the folder (same Message-ID, date and size): skipped, so a rerun finishes the job. */
    duplicates: z.number().int().nonnegative(),
    failedCount: z.number().int().nonnegative(),
    failures: z.array(MailImportFailure).max(MAIL_IMPORT_FAILURES_LISTED),
    files: z.array(MailImportFileReport),
    /** Set when the import stopped before the end: the next message would not fit in the quota. */
    stopped: z
      .object({
        code: z.literal('quota_full'),
        file: z.string(),
        index: z.number().int().positive().nullable(),
        usedBytes: z.number().int().nonnegative(),
        limitBytes: z.number().int().nonnegative(),
      })
      .nullable(),
  })
  .meta({ id: 'MailImportReport' });
export type MailImportReport = z.infer<typeof MailImportReport>;

export const MailImportProgress = z
  .object({
    type: z.literal('progress'),
    file: z.string(),
    /** Bytes of the request read so far (the browser knows the total it sent). */
    bytesRead: z.number().int().nonnegative(),
    imported: z.number().int().nonnegative(),
    duplicates: z.number().int().nonnegative(),
    failedCount: z.number().int().nonnegative(),
  })
  .meta({ id: 'MailImportProgress' });
export type MailImportProgress = z.infer<typeof MailImportProgress>;

/** One line of the `stream=1` answer (application/x-ndjson): progress lines, then the report or an error. */
export const MailImportEvent = z
  .discriminatedUnion('type', [
    MailImportProgress,
    z.object({ type: z.literal('report'), report: MailImportReport }),
    z.object({ type: z.literal('error'), error: ApiErrorBody.shape.error }),
  ])
  .meta({ id: 'MailImportEvent' });
export type MailImportEvent = z.infer<typeof MailImportEvent>;

export const MailImportQuery = z.object({
  /** How ">From " lines of an mbox are read back (see docs/import.md); mboxrd unless said. */
  mbox: z.enum(['mboxrd', 'mboxo']).default('mboxrd'),
  /** 1: answer application/x-ndjson, a progress line every few messages and the report last. */
  stream: QueryFlag,
});
export type MailImportQuery = z.infer<typeof MailImportQuery>;

export const MailImportParams = MailboxParams;
