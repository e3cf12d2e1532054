import type { FetchMessageObject, ImapFlow, StatusObject } from 'imapflow';
import { lockMailbox } from '../mail/mailbox-lock';
import type { FolderState } from './folder-state';

export const INBOX = 'INBOX';
const STATUS_ITEMS = { messages: true, unseen: true, uidNext: true, highestModseq: true } as const;

/** Every folder's counts with one LIST-STATUS; the selected mailbox is left as it is. */
export async function readFolders(c: ImapFlow): Promise<Map<string, FolderState>> {
  const listed = await c.list({ statusQuery: STATUS_ITEMS });
  const states = new Map<string, FolderState>();
  for (const entry of listed) {
    if (!entry.status || entry.flags.has('\\Noselect') || entry.flags.has('\\NonExistent')) continue;
    const path = entry.path.toUpperCase() === INBOX ? INBOX : entry.path;
    states.set(path, toFolderState(path, entry.status));
  }
  return states;
}

/** One folder's counts with STATUS, whichever mailbox is selected; null if it is gone. */
export async function readFolder(c: ImapFlow, path: string): Promise<FolderState | null> {
  const status = await c.status(path, STATUS_ITEMS);
  return status ? toFolderState(path, status) : null;
}

/**
 * EXAMINEs INBOX unless it is open read-only already. The connection sits in IDLE on whatever is
 * open between requests, and IDLE on a mailbox SELECTed read-write would take the \Recent flag of
 * what arrives from the user's other mail clients; EXAMINE never changes \Recent or \Seen.
 */
export async function examineInbox(c: ImapFlow): Promise<void> {
  const lock = await lockMailbox(c, INBOX, { readOnly: true });
  lock.release();
}

export const inboxExamined = (c: ImapFlow) =>
  c.mailbox !== false && c.mailbox.path === INBOX && c.mailbox.readOnly === true;

/** Unread INBOX messages from `fromUid` on, read (FLAGS and ENVELOPE only) with INBOX examined. */
export async function fetchNewInboxMail(c: ImapFlow, fromUid: number): Promise<FetchMessageObject[]> {
  const lock = await lockMailbox(c, INBOX, { readOnly: true });
  try {
    const fetched = await c.fetchAll(
      `${fromUid}:*`,
      { uid: true, flags: true, envelope: true },
      { uid: true },
    );
    // "n:*" names the last message even when it is older than n.
    return fetched.filter((m) => m.uid >= fromUid && !m.flags?.has('\\Seen'));
  } finally {
    lock.release();
  }
}

function toFolderState(path: string, status: StatusObject): FolderState {
  return {
    path,
    messages: status.messages ?? 0,
    unseen: status.unseen ?? 0,
    uidNext: status.uidNext ?? 0,
    highestModseq: status.highestModseq ?? null,
  };
}
