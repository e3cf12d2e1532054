import { z } from 'zod';

export const specialUses = ['inbox', 'drafts', 'sent', 'trash', 'junk', 'archive'] as const;
export const SpecialUse = z.enum(specialUses);
export type SpecialUse = z.infer<typeof SpecialUse>;

export const Mailbox = z
  .object({
    /** Full IMAP path, already decoded from modified UTF-7 (e.g. "Dự án/Chuyển đổi số"). */
    path: z.string(),
    /** Last segment of the path, or the localised name of a special-use folder. */
    displayName: z.string(),
    parent: z.string().nullable(),
    delimiter: z.string(),
    specialUse: SpecialUse.nullable(),
    total: z.number().int().nonnegative(),
    unread: z.number().int().nonnegative(),
    subscribed: z.boolean(),
    /** \Noselect parents can hold children but no messages. */
    selectable: z.boolean(),
  })
  .meta({ id: 'Mailbox' });
export type Mailbox = z.infer<typeof Mailbox>;

export const MailboxList = z.object({ mailboxes: z.array(Mailbox) }).meta({ id: 'MailboxList' });
export type MailboxList = z.infer<typeof MailboxList>;
