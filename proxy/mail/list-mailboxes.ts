import type { ImapFlow, ListResponse } from 'imapflow';
import type { Mailbox, SpecialUse } from '../../common/contract';

const SPECIAL_USE: Record<string, SpecialUse> = {
  '\\Inbox': 'inbox',
  '\\Drafts': 'drafts',
  '\\Sent': 'sent',
  '\\Trash': 'trash',
  '\\Junk': 'junk',
  '\\Archive': 'archive',
};

/** Special folders first in the order people expect, then the user's own folders by name. */
const ORDER: SpecialUse[] = ['inbox', 'drafts', 'sent', 'archive', 'junk', 'trash'];

export type SpecialFolderNames = Record<SpecialUse, string>;

export async function listMailboxes(client: ImapFlow, names: SpecialFolderNames): Promise<Mailbox[]> {
  const listed = await client.list({ statusQuery: { messages: true, unseen: true } });
  return listed.map((entry) => toMailbox(entry, names)).sort(compareMailboxes);
}

function toMailbox(entry: ListResponse, names: SpecialFolderNames): Mailbox {
  // Only flags the server reports count: a guess from a folder's name ("Sent Items") is a hint,
  // not a fact, and the Vietnamese names of a user's own folders must never be replaced.
  const specialUse =
    entry.specialUse && entry.specialUseSource !== 'name' ? (SPECIAL_USE[entry.specialUse] ?? null) : null;
  const isInbox = entry.path.toUpperCase() === 'INBOX';
  const use = isInbox ? 'inbox' : specialUse;
  return {
    path: entry.path,
    displayName: use ? names[use] : entry.name.normalize('NFC'),
    parent: entry.parentPath ? entry.parentPath : null,
    delimiter: entry.delimiter,
    specialUse: use,
    total: entry.status?.messages ?? 0,
    unread: entry.status?.unseen ?? 0,
    // A parent that exists only through its children (\NonExistent) comes without the field.
    subscribed: entry.subscribed ?? false,
    selectable: !entry.flags.has('\\Noselect') && !entry.flags.has('\\NonExistent'),
  };
}

function compareMailboxes(a: Mailbox, b: Mailbox): number {
  const ra = a.specialUse ? ORDER.indexOf(a.specialUse) : ORDER.length;
  const rb = b.specialUse ? ORDER.indexOf(b.specialUse) : ORDER.length;
  if (ra !== rb) return ra - rb;
  // Segment by segment, so that "Dự án/Báo cáo" stays under "Dự án", before "Dự án-cũ".
  const sa = a.delimiter ? a.path.split(a.delimiter) : [a.path];
  const sb = b.delimiter ? b.path.split(b.delimiter) : [b.path];
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const c = sa[i]!.localeCompare(sb[i]!, 'vi');
    if (c !== 0) return c;
  }
  return sa.length - sb.length;
}
