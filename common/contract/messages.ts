import { z } from 'zod';
import { ImapUid, ImapUidText, MailboxName } from './imap-values';
import { MessageInvitation } from './invitation';
import { MessageBodyParts } from './message-parts';
import { MessageSignature } from './message-signature';
import { QueryFlag } from './route';
import { SenderTrust } from './sender-trust';

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
    /** Conversation view only: the thread this row stands for (its newest message). */
    thread: z
      .object({
        size: z.number().int().positive(),
        unread: z.number().int().nonnegative(),
        /** Every message of the thread in this folder: what an action on the row applies to. */
        uids: z.array(z.number().int().positive()),
      })
      .nullable()
      .optional(),
  })
  .meta({ id: 'MessageRow' });
export type MessageRow = z.infer<typeof MessageRow>;

export const listSorts = ['arrival', 'date', 'from', 'subject', 'size'] as const;
/** arrival: the order mail came in (the cheapest, by sequence number); the rest by IMAP SORT. */
export const ListSort = z.enum(listSorts);
export type ListSort = z.infer<typeof ListSort>;
export const ListOrder = z.enum(['desc', 'asc']);
export type ListOrder = z.infer<typeof ListOrder>;
export const listFilters = ['all', 'unread', 'flagged'] as const;
export const ListFilter = z.enum(listFilters);
export type ListFilter = z.infer<typeof ListFilter>;

/** How a folder is shown: the list is paged over the result of this view. */
export const ListView = z.object({
  sort: ListSort.default('arrival'),
  order: ListOrder.default('desc'),
  filter: ListFilter.default('all'),
  /** Conversation view: one row per thread (THREAD=REFERENCES), newest thread first. */
  threads: QueryFlag,
});
export type ListView = z.infer<typeof ListView>;

export const MessagePageQuery = ListView.extend({
  /** Position of the first row in the view (0 = top). Any page costs the same, however deep. */
  offset: z.coerce.number().int().nonnegative().optional(),
  /** Older clients: UID below which the next page starts (exclusive), arrival order only. */
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
    /** Position of messages[0] in the view. */
    offset: z.number().int().nonnegative(),
    /** Changes whenever the folder changes: pages of different versions may overlap or miss rows. */
    version: z.string(),
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

export const MailingList = z
  .object({
    /** List-Id (RFC 2919): the list's identifier and, if the header names it, its display name. */
    id: z.string().nullable(),
    name: z.string().nullable(),
    /** List-Unsubscribe (RFC 2369): a web page and/or a mailto: address, nothing else. */
    unsubscribeUrl: z.string().nullable(),
    unsubscribeMail: z.string().nullable(),
  })
  .meta({ id: 'MailingList' });
export type MailingList = z.infer<typeof MailingList>;

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
    /** Set when the message came through a mailing list (List-Id / List-Unsubscribe). */
    list: MailingList.nullable(),
    /** Who really sent it: the province server's SPF/DKIM/DMARC, outside mail, look-alike warnings. */
    sender: SenderTrust.nullable().optional(),
    /** Every displayable body part in order; text and html above stay the whole body merged. */
    parts: MessageBodyParts,
    /** Đ14.2h: the S/MIME signature and what checking it found; null when the message is not signed. */
    signature: MessageSignature.nullable().optional(),
    /** A meeting invitation (text/calendar part) the reader shows as a card above the body. */
    invitation: MessageInvitation.nullable().optional(),
  })
  .meta({ id: 'MessageDetail' });
export type MessageDetail = z.infer<typeof MessageDetail>;

/**
 * The messages an action applies to: listed UIDs, or every message of the folder (optionally only
 * the unread or flagged ones) for "select all in folder".
 */
export const MessageTarget = z.object({
  uids: z.array(ImapUid).min(1).max(10_000).optional(),
  all: z.literal(true).optional(),
  filter: ListFilter.default('all'),
});
export type MessageTarget = z.input<typeof MessageTarget>;
const oneTarget = (t: { uids?: number[] | undefined; all?: true | undefined }) =>
  (t.uids !== undefined) !== (t.all === true);

export const FlagsUpdate = MessageTarget.extend({
  add: z.array(z.enum(['seen', 'flagged'])).default([]),
  remove: z.array(z.enum(['seen', 'flagged'])).default([]),
})
  .refine(oneTarget, { message: 'uids_or_all' })
  .meta({ id: 'FlagsUpdate' });
export type FlagsUpdate = z.input<typeof FlagsUpdate>;

/** A folder in a path: its full IMAP name (the client percent-encodes it, delimiters and all). */
export const MailboxParams = z.object({ mailbox: MailboxName });
export const MessageParams = MailboxParams.extend({ uid: ImapUidText });
/** One MIME part of a message, numbered as IMAP's BODYSTRUCTURE numbers it (1, 1.2, 2.1.3). */
export const PartParams = MessageParams.extend({ part: z.string().regex(/^\d+(\.\d+)*$/) });
/** An attachment shown in the browser (images, PDF) rather than saved. */
export const AttachmentQuery = z.object({ inline: QueryFlag });
/** The raw source shown as plain text in a tab rather than saved. */
export const RawQuery = z.object({ view: QueryFlag });
