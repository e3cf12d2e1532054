import type { ImapFlow, ListResponse } from 'imapflow';
import { ApiError } from '../errors';

export type SpecialTarget = 'archive' | 'trash' | 'junk' | 'inbox';

const FLAG: Record<Exclude<SpecialTarget, 'inbox'>, string> = {
  archive: '\\Archive',
  trash: '\\Trash',
  junk: '\\Junk',
};

/** The folder listing an action needs: existence of a destination, special-use of the source. */
export async function listFolders(client: ImapFlow): Promise<ListResponse[]> {
  return client.list();
}

/** Only flags the server reports count, as in list-mailboxes: a folder named "Trash" is not proof. */
export function specialUseOf(folders: ListResponse[], path: string): SpecialTarget | null {
  if (path.toUpperCase() === 'INBOX') return 'inbox';
  const entry = folders.find((f) => f.path === path);
  if (!entry?.specialUse || entry.specialUseSource === 'name') return null;
  const found = Object.entries(FLAG).find(([, flag]) => flag === entry.specialUse);
  return (found?.[0] as SpecialTarget | undefined) ?? null;
}

export function specialFolderPath(folders: ListResponse[], use: SpecialTarget): string {
  if (use === 'inbox') return 'INBOX';
  const entry = folders.find((f) => f.specialUse === FLAG[use] && f.specialUseSource !== 'name');
  if (!entry) throw new ApiError('mailbox_not_found', { mailbox: use });
  return entry.path;
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
