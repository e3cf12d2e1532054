import type { ImapFlow } from 'imapflow';
import { ApiError } from '../errors';
import { isConnectionError, isOverQuota } from '../mail/imap-errors';
import { lockMailbox } from '../mail/mailbox-lock';
import {
  type AppendDecision,
  appendDecision,
  emptyFolderIndex,
  type FolderIndex,
  type QuotaRoom,
  remember,
} from './append-plan';
import { arrivalDate, messageFacts } from './message-facts';

/** Re-read the quota from the server this often (other mail keeps arriving meanwhile). */
const QUOTA_REFRESH_EVERY = 200;

export type AppendOutcome = Exclude<AppendDecision, 'append'> | 'appended' | 'append_failed';

export interface MessageAppender {
  /** Appends one CRLF message \Seen with its arrival date, unless the plan says otherwise. */
  offer(raw: Buffer, envelope: string | null): Promise<AppendOutcome>;
  readonly quota: QuotaRoom;
}

/**
 * Appends messages to one folder with the checks every bulk import needs: exact duplicates skipped
 * (so a rerun after an interruption finishes without copies), the per-message cap, and the quota
 * checked before each APPEND so the import stops before the mailbox is full. The folder's index is
 * read once (Message-ID, INTERNALDATE, RFC822.SIZE of every message) and grown as messages land.
 */
export async function openAppender(
  client: ImapFlow,
  folder: string,
  options: { maxMessageBytes: number; now: () => Date },
): Promise<MessageAppender> {
  const index = await readFolderIndex(client, folder);
  const quota: QuotaRoom = await readQuotaRoom(client);
  let sinceRefresh = 0;

  const refreshQuota = async () => {
    Object.assign(quota, await readQuotaRoom(client));
    sinceRefresh = 0;
  };

  return {
    quota,
    async offer(raw, envelope) {
      const facts = messageFacts(raw);
      const fromMessage = envelope !== null || facts.date !== null;
      const now = options.now();
      const candidate = {
        messageId: facts.messageId,
        date: arrivalDate(envelope, facts, now),
        dateFromMessage: fromMessage,
        size: raw.length,
      };
      if (sinceRefresh >= QUOTA_REFRESH_EVERY) await refreshQuota();
      let decision = appendDecision(candidate, index, quota, options.maxMessageBytes);
      if (decision === 'quota_full') {
        // Make sure with the server's own figure before stopping (something may have been deleted).
        await refreshQuota();
        decision = appendDecision(candidate, index, quota, options.maxMessageBytes);
      }
      if (decision !== 'append') return decision;
      try {
        await client.append(folder, raw, ['\\Seen'], candidate.date);
      } catch (err) {
        if (isOverQuota(err)) return 'quota_full';
        if (isConnectionError(err)) throw err;
        return 'append_failed';
      }
      remember(index, candidate);
      if (quota.usedBytes !== null) quota.usedBytes += candidate.size;
      sinceRefresh++;
      return 'appended';
    },
  };
}

async function readQuotaRoom(client: ImapFlow): Promise<QuotaRoom> {
  const quota = client.capabilities.has('QUOTA') ? await client.getQuota('INBOX') : false;
  const storage = quota ? quota.storage : undefined;
  return {
    usedBytes: storage?.usage ?? null,
    limitBytes: storage?.limit && storage.limit > 0 ? storage.limit : null,
  };
}

/** Every message of the folder as dedupe keys; a folder the server does not know is mailbox_not_found. */
export async function readFolderIndex(client: ImapFlow, folder: string): Promise<FolderIndex> {
  const index = emptyFolderIndex();
  const lock = await lockMailbox(client, folder, { readOnly: true });
  try {
    const mailbox = client.mailbox;
    if (!mailbox) throw new ApiError('mailbox_not_found', { mailbox: folder });
    if (mailbox.exists === 0) return index;
    for await (const m of client.fetch('1:*', { internalDate: true, size: true, headers: ['message-id'] })) {
      const date =
        m.internalDate instanceof Date ? m.internalDate : m.internalDate ? new Date(m.internalDate) : null;
      if (!date || m.size === undefined) continue;
      const messageId = m.headers
        ? messageFacts(Buffer.concat([m.headers, Buffer.from('\r\n')])).messageId
        : '';
      remember(index, { messageId, date, size: m.size });
    }
    return index;
  } finally {
    lock.release();
  }
}
