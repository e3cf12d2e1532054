import type { ImapFlow, ListResponse } from 'imapflow';
import { ApiError } from '../errors';

/**
 * Which folder is the user's Trash, Drafts, Sent… Only a special-use flag the server reports
 * (RFC 6154) counts, as in list-mailboxes: imapflow also guesses a use from a folder's name
 * ("Sent Items", "Deleted Messages"…, `specialUseSource: 'name'`), and a guess is not proof. A
 * guessed Trash would receive deleted mail and a guessed Drafts would lose a message to "discard
 * draft" (it deletes by UID there), so a user's own folder is never taken for a system one.
 */
export type SpecialTarget = 'archive' | 'trash' | 'junk' | 'inbox';
export type ComposeTarget = 'drafts' | 'sent';

const FLAG: Record<Exclude<SpecialTarget, 'inbox'> | ComposeTarget, string> = {
  archive: '\\Archive',
  trash: '\\Trash',
  junk: '\\Junk',
  drafts: '\\Drafts',
  sent: '\\Sent',
};

/** The folder compose creates when the server flags none: the name Dovecot and most servers use. */
const CREATED_NAME: Record<ComposeTarget, string> = { drafts: 'Drafts', sent: 'Sent' };

const flaggedBy = (entry: ListResponse, flag: string) =>
  entry.specialUse === flag && entry.specialUseSource !== 'name';

/** The folder listing an action needs: existence of a destination, special-use of the source. */
export async function listFolders(client: ImapFlow): Promise<ListResponse[]> {
  return client.list();
}

export function specialUseOf(folders: ListResponse[], path: string): SpecialTarget | null {
  if (path.toUpperCase() === 'INBOX') return 'inbox';
  const entry = folders.find((f) => f.path === path);
  if (!entry) return null;
  const found = (['archive', 'trash', 'junk'] as const).find((use) => flaggedBy(entry, FLAG[use]));
  return found ?? null;
}

export function specialFolderPath(folders: ListResponse[], use: SpecialTarget): string {
  if (use === 'inbox') return 'INBOX';
  const entry = folders.find((f) => flaggedBy(f, FLAG[use]));
  if (!entry) throw new ApiError('mailbox_not_found', { mailbox: use });
  return entry.path;
}

/**
 * Where compose puts a draft or the copy of a sent message: the folder the server flags, else the
 * folder compose itself creates ("Drafts", "Sent"), found again by that name; null when neither
 * exists yet. A folder imapflow only guessed from its name ("Sent Items") is not used.
 */
export function composeFolderPath(folders: ListResponse[], use: ComposeTarget): string | null {
  const flagged = folders.find((f) => flaggedBy(f, FLAG[use]));
  if (flagged) return flagged.path;
  const created = folders.find((f) => f.path.toLowerCase() === CREATED_NAME[use].toLowerCase());
  return created?.path ?? null;
}

/** The Drafts or Sent folder, created when missing: a draft must have somewhere to go. */
export async function composeFolder(client: ImapFlow, use: ComposeTarget): Promise<string> {
  const found = composeFolderPath(await client.list(), use);
  if (found) return found;
  await client.mailboxCreate(CREATED_NAME[use]);
  return CREATED_NAME[use];
}

export function requireFolder(folders: ListResponse[], path: string): ListResponse {
  const entry = folders.find(
    (f) => f.path === path || (path.toUpperCase() === 'INBOX' && f.path === 'INBOX'),
  );
  if (!entry || entry.flags.has('\\Noselect') || entry.flags.has('\\NonExistent')) {
    throw new ApiError('mailbox_not_found', { mailbox: path });
  }
  return entry;
}
