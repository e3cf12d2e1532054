import type { ImapFlow, ListResponse } from 'imapflow';
import { folderPathProblem } from '../../common/contract';
import { ApiError } from '../errors';
import { mapActionError } from './action-errors';
import { invalidateViews } from './list-view-cache';
import { listFolders, requireFolder, specialFolderPath, specialUseOf } from './special-folders';

/**
 * The user's own folders, by full path ("Hồ sơ/Dự án" creates both levels). imapflow encodes
 * Vietnamese names to modified UTF-7 on the wire and decodes them in LIST, so paths stay Unicode
 * (NFC) everywhere in the proxy.
 */
export async function createFolder(client: ImapFlow, path: string): Promise<{ path: string }> {
  const folders = await listFolders(client);
  const clean = checkedPath(folders, path);
  if (findFolder(folders, clean)) throw new ApiError('folder_exists', { mailbox: clean });
  try {
    // Parents first, as real folders: Dovecot would otherwise leave "Hồ sơ" a \NonExistent
    // placeholder that cannot hold mail.
    const delimiter = delimiterOf(folders);
    const segments = clean.split(delimiter);
    for (let i = 1; i < segments.length; i++) {
      const parent = segments.slice(0, i).join(delimiter);
      const known = findFolder(folders, parent);
      if (!known || known.flags.has('\\NonExistent')) {
        await client.mailboxCreate(parent);
        await client.mailboxSubscribe(parent).catch(() => undefined);
      }
    }
    const created = await client.mailboxCreate(clean);
    await client.mailboxSubscribe(created.path).catch(() => undefined);
    return { path: created.path.normalize('NFC') };
  } catch (err) {
    throw mapActionError(err, { mailbox: clean });
  }
}

/** Renames a folder with its subfolders; INBOX and the special folders keep their names. */
export async function renameFolder(
  client: ImapFlow,
  path: string,
  newPath: string,
): Promise<{ path: string }> {
  const folders = await listFolders(client);
  requireExisting(folders, path);
  refuseSpecial(folders, path);
  const clean = checkedPath(folders, newPath);
  if (clean === path) return { path };
  if (findFolder(folders, clean)) throw new ApiError('folder_exists', { mailbox: clean });
  if (clean.startsWith(`${path}${delimiterOf(folders)}`)) throw new ApiError('folder_name_invalid');
  try {
    const renamed = await client.mailboxRename(path, clean);
    await client.mailboxSubscribe(renamed.newPath).catch(() => undefined);
    return { path: renamed.newPath.normalize('NFC') };
  } catch (err) {
    throw mapActionError(err, { mailbox: path });
  } finally {
    invalidateViews(client, path);
  }
}

/**
 * Deletes one of the user's folders. Its messages go to Trash first, so a folder deleted by
 * mistake loses no mail; a folder with subfolders is refused rather than deleted wholesale.
 */
export async function deleteFolder(client: ImapFlow, path: string): Promise<{ path: string }> {
  const folders = await listFolders(client);
  const entry = requireExisting(folders, path);
  refuseSpecial(folders, path);
  const delimiter = entry.delimiter || '/';
  if (folders.some((f) => f.path.startsWith(`${path}${delimiter}`))) {
    throw new ApiError('folder_has_children', { mailbox: path });
  }
  try {
    if (!entry.flags.has('\\Noselect')) {
      const trash = specialFolderPath(folders, 'trash');
      const lock = await client.getMailboxLock(path);
      try {
        if (client.mailbox && client.mailbox.exists > 0) {
          const moved = await client.messageMove('1:*', trash, { uid: true });
          if (!moved) throw new ApiError('action_refused', { mailbox: path });
        }
      } finally {
        lock.release();
      }
      invalidateViews(client, trash);
    }
    await client.mailboxUnsubscribe(path).catch(() => undefined);
    await client.mailboxDelete(path);
    return { path };
  } catch (err) {
    throw mapActionError(err, { mailbox: path });
  } finally {
    invalidateViews(client, path);
  }
}

function delimiterOf(folders: ListResponse[]): string {
  return folders.find((f) => f.delimiter)?.delimiter ?? '/';
}

function findFolder(folders: ListResponse[], path: string): ListResponse | undefined {
  const lower = path.normalize('NFC').toLocaleLowerCase('vi');
  // Dovecot's Maildir names are case-sensitive, but two folders differing only in case confuse people.
  return folders.find((f) => f.path.normalize('NFC').toLocaleLowerCase('vi') === lower);
}

function checkedPath(folders: ListResponse[], path: string): string {
  const delimiter = delimiterOf(folders);
  const clean = path
    .normalize('NFC')
    .split('/')
    .map((s) => s.trim())
    .join(delimiter);
  if (folderPathProblem(clean, delimiter) || clean.toUpperCase() === 'INBOX') {
    throw new ApiError('folder_name_invalid');
  }
  return clean;
}

function requireExisting(folders: ListResponse[], path: string): ListResponse {
  const entry = folders.find((f) => f.path === path);
  if (!entry) return requireFolder(folders, path);
  return entry;
}

/** INBOX and every folder with a SPECIAL-USE flag (Sent, Drafts… too) belong to the system. */
function refuseSpecial(folders: ListResponse[], path: string): void {
  const entry = folders.find((f) => f.path === path);
  const special = entry?.specialUse && entry.specialUseSource !== 'name';
  if (specialUseOf(folders, path) === 'inbox' || special) {
    throw new ApiError('folder_protected', { mailbox: path });
  }
}
