import { z } from 'zod';
import { hasControlCharacter } from './imap-values';

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

/**
 * A folder path the user may create: segments of 1–100 characters, no control characters, no IMAP
 * wildcards (% and * would make LIST match other folders), no dot (Dovecot's Maildir++ layout
 * stores the hierarchy with dots and refuses them), no blank segment. Shared with the client's form.
 */
export function folderPathProblem(path: string, delimiter = '/'): 'empty' | 'invalid' | null {
  const segments = path.split(delimiter).map((s) => s.trim());
  if (segments.every((s) => s.length === 0)) return 'empty';
  for (const s of segments) {
    if (s.length === 0 || s.length > 100) return 'invalid';
    if (hasForbiddenCharacter(s)) return 'invalid';
  }
  return null;
}

/** The characters the rule above refuses. */
function hasForbiddenCharacter(s: string): boolean {
  return hasControlCharacter(s) || /[%*.]/.test(s);
}

const FolderPath = z
  .string()
  .max(1000)
  .transform((s) =>
    s
      .normalize('NFC')
      .split('/')
      .map((seg) => seg.trim())
      .join('/'),
  );

export const FolderCreate = z.object({ path: FolderPath }).meta({ id: 'FolderCreate' });
export type FolderCreate = z.input<typeof FolderCreate>;

export const FolderRename = z.object({ newPath: FolderPath }).meta({ id: 'FolderRename' });
export type FolderRename = z.input<typeof FolderRename>;

export const FolderResult = z.object({ path: z.string() }).meta({ id: 'FolderResult' });
export type FolderResult = z.infer<typeof FolderResult>;
