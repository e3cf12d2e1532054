import { z } from 'zod';

export const Address = z.object({ name: z.string(), address: z.string() }).meta({ id: 'Address' });
export type Address = z.infer<typeof Address>;

export const MessageFlags = z.object({
  seen: z.boolean(),
  flagged: z.boolean(),
  answered: z.boolean(),
  draft: z.boolean(),
});
export type MessageFlags = z.infer<typeof MessageFlags>;

export const MessageRow = z
  .object({
    uid: z.number().int().positive(),
    from: Address.nullable(),
    to: z.array(Address),
    subject: z.string(),
    /** Header date (ISO 8601, UTC); the client shows it in Asia/Ho_Chi_Minh. */
    date: z.string(),
    flags: MessageFlags,
    size: z.number().int().nonnegative(),
    hasAttachments: z.boolean(),
    preview: z.string(),
  })
  .meta({ id: 'MessageRow' });
export type MessageRow = z.infer<typeof MessageRow>;

export const MessagePageQuery = z.object({
  /** UID below which the next page starts (exclusive); absent for the newest page. */
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type MessagePageQuery = z.input<typeof MessagePageQuery>;

export const MessagePage = z
  .object({
    mailbox: z.string(),
    total: z.number().int().nonnegative(),
    unread: z.number().int().nonnegative(),
    uidValidity: z.string(),
    messages: z.array(MessageRow),
    nextCursor: z.number().int().positive().nullable(),
  })
  .meta({ id: 'MessagePage' });
export type MessagePage = z.infer<typeof MessagePage>;

export const AttachmentInfo = z
  .object({
    /** IMAP body part number: stable for the message, used to stream just that part. */
    id: z.string(),
    filename: z.string(),
    contentType: z.string(),
    /** Decoded size in bytes (estimated from the encoded size the server reports). */
    size: z.number().int().nonnegative(),
    /** Content-ID without angle brackets, for cid: references in the HTML body. */
    contentId: z.string().nullable(),
    inline: z.boolean(),
  })
  .meta({ id: 'AttachmentInfo' });
export type AttachmentInfo = z.infer<typeof AttachmentInfo>;

export const MessageDetail = z
  .object({
    uid: z.number().int().positive(),
    mailbox: z.string(),
    messageId: z.string().nullable(),
    subject: z.string(),
    from: Address.nullable(),
    to: z.array(Address),
    cc: z.array(Address),
    replyTo: z.array(Address),
    date: z.string(),
    flags: MessageFlags,
    size: z.number().int().nonnegative(),
    text: z.string().nullable(),
    /** Raw HTML as the sender wrote it: the client sanitises it before showing it. */
    html: z.string().nullable(),
    attachments: z.array(AttachmentInfo),
    inReplyTo: z.string().nullable(),
    references: z.array(z.string()),
  })
  .meta({ id: 'MessageDetail' });
export type MessageDetail = z.infer<typeof MessageDetail>;

export const FlagsUpdate = z
  .object({
    uids: z.array(z.number().int().positive()).min(1).max(10_000),
    add: z.array(z.enum(['seen', 'flagged'])).default([]),
    remove: z.array(z.enum(['seen', 'flagged'])).default([]),
  })
  .meta({ id: 'FlagsUpdate' });
export type FlagsUpdate = z.input<typeof FlagsUpdate>;
