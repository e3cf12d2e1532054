import { z } from 'zod';
import { ImapUidText, MailboxName } from './imap-values';

// Header safety (issue 4): no control character (CR, LF, NUL, TAB…) may reach a header from any
// field; they are refused here, before anything is composed.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
const headerText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !CONTROL.test(s), { message: 'control_characters' })
    .transform((s) => s.normalize('NFC'));

// Deliberately strict: what Postfix accepts for submission and what users actually write.
const ADDRESS =
  /^[^\s@<>(),;:"[\]\\]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;

/** The longest display name and subject a person may type (what a reply prefill shortens to). */
export const RECIPIENT_NAME_MAX = 200;
export const SUBJECT_MAX = 998;

export const Recipient = z
  .object({
    name: headerText(RECIPIENT_NAME_MAX).optional(),
    address: z
      .string()
      .trim()
      .max(254)
      .refine((s) => ADDRESS.test(s), { message: 'invalid_address' })
      .transform((s) => s.toLowerCase()),
  })
  .meta({ id: 'Recipient' });
export type Recipient = z.infer<typeof Recipient>;

/** A recipient as the proxy hands it out (already clean: no transform on the way out). */
export const RecipientView = z
  .object({ name: z.string().optional(), address: z.string() })
  .meta({ id: 'RecipientView' });

/** The client's own check, before anything is sent: the same rule as the proxy's. */
export function isValidAddress(address: string): boolean {
  return ADDRESS.test(address.trim());
}

/** An uploaded attachment waiting in the proxy's upload store for a draft or a send. */
export const UploadedAttachment = z
  .object({
    id: z.string(),
    /** Path parts stripped, NFC; sent with RFC 2231 encoding. */
    filename: z.string(),
    contentType: z.string(),
    /** Decoded size in bytes: what counts against the 20 MB cap (Đ7.2b). */
    size: z.number().int().nonnegative(),
  })
  .meta({ id: 'UploadedAttachment' });
export type UploadedAttachment = z.infer<typeof UploadedAttachment>;

/**
 * A message being written. `composeId` (a UUID the client makes when the window opens) groups its
 * uploads, names its draft and is the idempotency key of its send: a retried send never sends twice.
 */
export const OutgoingMessage = z
  .object({
    composeId: z.uuid(),
    to: z.array(Recipient).max(500).default([]),
    cc: z.array(Recipient).max(500).default([]),
    bcc: z.array(Recipient).max(500).default([]),
    subject: headerText(SUBJECT_MAX).default(''),
    /** Null in plain-text mode. Sanitised again by the proxy before it is sent. */
    html: z.string().max(5_000_000).nullable(),
    text: z.string().max(5_000_000),
    /** Upload ids, in order. */
    attachments: z.array(z.string().max(100)).max(100).default([]),
    inReplyTo: headerText(998).optional(),
    references: z.array(headerText(998)).max(100).optional(),
    /** The draft this message replaces (removed once sent or re-saved). */
    draftUid: z.number().int().positive().optional(),
  })
  .meta({ id: 'OutgoingMessage' });
export type OutgoingMessage = z.input<typeof OutgoingMessage>;

export const DraftSaved = z
  .object({ draftUid: z.number().int().positive().nullable() })
  .meta({ id: 'DraftSaved' });
export type DraftSaved = z.infer<typeof DraftSaved>;

export const SendResult = z
  .object({
    messageId: z.string(),
    recipients: z.number().int().positive(),
    /** False when the mailbox is full (Đ7.2c): the message went, its copy in Sent could not be kept. */
    sentCopySaved: z.boolean(),
    /** Recipients the server refused while accepting the others (the message went to those). */
    refused: z.array(z.string()),
  })
  .meta({ id: 'SendResult' });
export type SendResult = z.infer<typeof SendResult>;

/** What a reply, reply-all, forward or a reopened draft starts from. */
export const ComposePrefill = z
  .object({
    to: z.array(RecipientView),
    cc: z.array(RecipientView),
    bcc: z.array(RecipientView),
    subject: z.string(),
    html: z.string().nullable(),
    text: z.string(),
    /** Already copied into the upload store: forwarded or draft attachments. */
    attachments: z.array(UploadedAttachment),
    inReplyTo: z.string().optional(),
    references: z.array(z.string()).optional(),
    draftUid: z.number().int().positive().optional(),
    /**
     * A reply to a message whose Reply-To points elsewhere than its From, or whose sender is
     * outside or looks like someone else: the window shows where the reply will really go.
     */
    replyCaution: z.boolean().optional(),
  })
  .meta({ id: 'ComposePrefill' });
export type ComposePrefill = z.infer<typeof ComposePrefill>;

export const ComposeMode = z.enum(['reply', 'replyAll', 'forward', 'forwardAsAttachment', 'draft']);
export type ComposeMode = z.infer<typeof ComposeMode>;

export const PrefillQuery = z.object({
  mode: ComposeMode,
  mailbox: MailboxName,
  uid: ImapUidText,
  composeId: z.uuid(),
});

/** Discarding a compose window: its draft (if one was saved) and its uploads go. */
export const DiscardDraftQuery = z.object({
  composeId: z.uuid(),
  draftUid: z.coerce.number().int().positive().optional(),
});

export const Contact = z
  .object({
    name: z.string(),
    address: z.string(),
    /**
     * 'directory': the province's directory; 'recent': someone this user has written to;
     * 'contact' and 'group': the user's own address book (a group's address is its name).
     */
    source: z.enum(['directory', 'recent', 'contact', 'group']),
    unit: z.string().nullable(),
    /** A group's members, which picking the group adds as recipients. */
    members: z.array(z.object({ name: z.string(), address: z.string() })).optional(),
  })
  .meta({ id: 'Contact' });
export type Contact = z.infer<typeof Contact>;

/** The compose window an upload belongs to. */
export const UploadQuery = z.object({ composeId: z.uuid() });
export const UploadParams = z.object({ id: z.string().max(100) });

/** Completion in the recipient fields: the directory and the people this user has written to. */
export const ContactQuery = z.object({ q: z.string().trim().min(1).max(100) });
export const ContactList = z.object({ contacts: z.array(Contact) }).meta({ id: 'ContactList' });
export type ContactList = z.infer<typeof ContactList>;
