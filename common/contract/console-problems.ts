import { z } from 'zod';

/** Đ13.7: users report a message (spam, virus, suspicious) or a fault; the Sở handles the queue. */
export const MessageReportKind = z.enum(['spam', 'virus', 'suspicious']);
export type MessageReportKind = z.infer<typeof MessageReportKind>;
export const ProblemKind = z.enum(['spam', 'virus', 'suspicious', 'fault']);
export type ProblemKind = z.infer<typeof ProblemKind>;
export const ProblemStatus = z.enum(['open', 'in_progress', 'closed']);
export type ProblemStatus = z.infer<typeof ProblemStatus>;

export const NewProblemReport = z
  .discriminatedUnion('kind', [
    z.object({
      kind: MessageReportKind,
      mailbox: z.string().min(1).max(1000),
      uid: z.number().int().positive(),
      note: z.string().trim().max(2000).optional(),
    }),
    z.object({
      kind: z.literal('fault'),
      note: z.string().trim().min(1).max(2000),
      /** The app's page the user was on (path only), if they chose to send it. */
      page: z.string().max(500).optional(),
    }),
  ])
  .meta({ id: 'NewProblemReport' });
export type NewProblemReport = z.infer<typeof NewProblemReport>;

export const ProblemReportReceipt = z
  .object({
    id: z.number().int(),
    /** Delivered to the support mailbox (hotro@…). */
    forwarded: z.boolean(),
    /** A spam report moves the message to Junk, as "Report spam" does elsewhere. */
    movedToJunk: z.boolean(),
  })
  .meta({ id: 'ProblemReportReceipt' });
export type ProblemReportReceipt = z.infer<typeof ProblemReportReceipt>;

export const ProblemReport = z
  .object({
    id: z.number().int(),
    reporter: z.string(),
    kind: ProblemKind,
    note: z.string().nullable(),
    mailbox: z.string().nullable(),
    uid: z.number().int().nullable(),
    messageId: z.string().nullable(),
    /** A message's subject; for a fault, the page the user was on. */
    subject: z.string().nullable(),
    /** A message's sender; for a fault, the browser (user agent). */
    sender: z.string().nullable(),
    status: ProblemStatus,
    forwarded: z.boolean(),
    createdAt: z.string(),
    handledBy: z.string().nullable(),
    handledAt: z.string().nullable(),
    resolution: z.string().nullable(),
  })
  .meta({ id: 'ProblemReport' });
export type ProblemReport = z.infer<typeof ProblemReport>;

export const ProblemReportIdParams = z.object({ id: z.coerce.number().int().positive() });

export const ProblemReportQuery = z.object({
  status: ProblemStatus.optional(),
  kind: ProblemKind.optional(),
});
export type ProblemReportQuery = z.infer<typeof ProblemReportQuery>;

export const ProblemReportList = z
  .object({ reports: z.array(ProblemReport) })
  .meta({ id: 'ProblemReportList' });
export type ProblemReportList = z.infer<typeof ProblemReportList>;

export const ProblemReportUpdate = z
  .discriminatedUnion('status', [
    z.object({ status: z.literal('in_progress'), resolution: z.string().trim().max(2000).optional() }),
    z.object({ status: z.literal('closed'), resolution: z.string().trim().min(1).max(2000) }),
  ])
  .meta({ id: 'ProblemReportUpdate' });
export type ProblemReportUpdate = z.infer<typeof ProblemReportUpdate>;
