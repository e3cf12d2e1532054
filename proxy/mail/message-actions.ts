import type { ImapFlow } from 'imapflow';
import type { ListFilter, MoveResult } from '../../common/contract';
import { ApiError } from '../errors';
import { mapActionError } from './action-errors';
import { searchUids } from './imap-sort-thread';
import { invalidateViews } from './list-view-cache';
import { withMailbox } from './mailbox-lock';
import {
  listFolders,
  requireFolder,
  type SpecialTarget,
  specialFolderPath,
  specialUseOf,
} from './special-folders';

export interface Target {
  uids?: number[] | undefined;
  all?: true | undefined;
  filter: ListFilter;
}

type Flag = 'seen' | 'flagged';
const IMAP_FLAG: Record<Flag, string> = { seen: '\\Seen', flagged: '\\Flagged' };

/** The UID set an action addresses: the listed UIDs, or the folder's (filtered) messages. */
async function resolveTarget(client: ImapFlow, target: Target): Promise<string | null> {
  if (target.uids) return target.uids.join(',');
  if (target.filter === 'all') return client.mailbox && client.mailbox.exists > 0 ? '1:*' : null;
  const uids = await searchUids(client, target.filter);
  return uids.length > 0 ? uids.join(',') : null;
}

export async function setMessageFlags(
  client: ImapFlow,
  path: string,
  target: Target,
  change: { add: Flag[]; remove: Flag[] },
): Promise<void> {
  await withMailbox(client, path, async () => {
    try {
      const range = await resolveTarget(client, target);
      if (!range) return;
      if (change.add.length) {
        await client.messageFlagsAdd(
          range,
          change.add.map((f) => IMAP_FLAG[f]),
          { uid: true },
        );
      }
      if (change.remove.length) {
        await client.messageFlagsRemove(
          range,
          change.remove.map((f) => IMAP_FLAG[f]),
          { uid: true },
        );
      }
    } catch (err) {
      throw mapActionError(err, { mailbox: path });
    } finally {
      invalidateViews(client, path);
    }
  });
}

/**
 * Moves messages with IMAP MOVE and returns where each went (COPYUID), which is what "Hoàn tác"
 * needs to move exactly these messages back.
 */
export async function moveMessages(
  client: ImapFlow,
  path: string,
  target: Target,
  to: { destination?: string | undefined; special?: SpecialTarget | undefined },
): Promise<MoveResult> {
  const folders = await listFolders(client);
  const destination = to.special ? specialFolderPath(folders, to.special) : to.destination!;
  requireFolder(folders, destination);
  if (destination === path) return { source: path, destination, count: 0, uids: [], newUids: [] };
  return moveWithin(client, path, target, destination);
}

async function moveWithin(
  client: ImapFlow,
  path: string,
  target: Target,
  destination: string,
): Promise<MoveResult> {
  return withMailbox(client, path, async () => {
    try {
      const range = await resolveTarget(client, target);
      if (!range) return { source: path, destination, count: 0, uids: [], newUids: [] };
      const result = await client.messageMove(range, destination, { uid: true });
      // imapflow answers false instead of throwing when the server refuses the MOVE.
      if (!result) throw new ApiError('action_refused', { mailbox: path });
      const pairs = [...(result.uidMap ?? new Map<number, number>()).entries()].sort((a, b) => a[0] - b[0]);
      return {
        source: path,
        destination,
        count: pairs.length || (target.uids?.length ?? 0),
        uids: pairs.map(([from]) => from),
        newUids: pairs.map(([, to]) => to),
      };
    } catch (err) {
      throw mapActionError(err, { mailbox: path });
    } finally {
      invalidateViews(client, path, destination);
    }
  });
}

/**
 * "Xóa": to Trash, from where the move can be undone. In Trash or Junk a delete is for good
 * (flag \Deleted, then UID EXPUNGE of just those messages).
 */
export async function deleteMessages(client: ImapFlow, path: string, target: Target): Promise<MoveResult> {
  const folders = await listFolders(client);
  requireFolder(folders, path);
  const use = specialUseOf(folders, path);
  if (use !== 'trash' && use !== 'junk') {
    return moveWithin(client, path, target, specialFolderPath(folders, 'trash'));
  }
  return withMailbox(client, path, async () => {
    try {
      const range = await resolveTarget(client, target);
      if (!range) return { source: path, destination: null, count: 0, uids: [], newUids: [] };
      const before = client.mailbox ? client.mailbox.exists : 0;
      const ok = await client.messageDelete(range, { uid: true });
      if (!ok) throw new ApiError('action_refused', { mailbox: path });
      const after = client.mailbox ? client.mailbox.exists : 0;
      return { source: path, destination: null, count: Math.max(0, before - after), uids: [], newUids: [] };
    } catch (err) {
      throw mapActionError(err, { mailbox: path });
    } finally {
      invalidateViews(client, path);
    }
  });
}

/** "Dọn sạch Thùng rác" (and Junk): every message of the folder, for good. Other folders refuse. */
export async function emptyFolder(client: ImapFlow, path: string): Promise<{ count: number }> {
  const folders = await listFolders(client);
  requireFolder(folders, path);
  const use = specialUseOf(folders, path);
  if (use !== 'trash' && use !== 'junk') throw new ApiError('folder_protected', { mailbox: path });
  const result = await deleteMessages(client, path, { all: true, filter: 'all' });
  return { count: result.count };
}
