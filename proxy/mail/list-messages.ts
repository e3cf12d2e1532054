import type { FetchMessageObject, ImapFlow, MailboxObject, StatusObject } from 'imapflow';
import type { ListView, MessagePage, MessageRow } from '../../common/contract';
import { hasRealAttachments, previewPart } from './body-structure';
import { sortUids, threadUids } from './imap-sort-thread';
import { cachedCheck, cachedView, type ViewEntries } from './list-view-cache';
import { withMailbox } from './mailbox-lock';
import { messageDate, toAddress, toAddresses, toFlags } from './message-mapping';
import { previewText } from './preview-text';
import { decodeCharset, decodeTransfer } from './text-decoding';

const PREVIEW_BYTES = 2048;

export interface PageRequest {
  /** Position of the first row in the view; with `cursor`, ignored. */
  offset?: number | undefined;
  /** Legacy paging: the UID below which the page starts (arrival order, no filter). */
  cursor?: number | undefined;
  limit: number;
  view?: Partial<ListView>;
}

/**
 * One page of a folder view. Every page costs about one page of work however deep it lies:
 * - arrival order without a filter (the default) is addressed by sequence numbers: position p
 *   from the top is message number exists − p, so page 1,800 of 100,000 is one FETCH like page 1;
 *   a legacy UID cursor is turned into its sequence number by ESEARCH COUNT, not by scanning UIDs;
 * - any other view pages over the UID list of one SORT / SEARCH / THREAD, kept while the folder
 *   is unchanged (list-view-cache), so later pages are one UID FETCH each.
 */
export async function listMessages(client: ImapFlow, path: string, page: PageRequest): Promise<MessagePage> {
  const view: ListView = {
    sort: page.view?.sort ?? 'arrival',
    order: page.view?.order ?? 'desc',
    filter: page.view?.filter ?? 'all',
    threads: page.view?.threads ?? false,
  };
  return withMailbox(
    client,
    path,
    async (mailbox) => {
      // Dovecot answers STATUS for the selected folder from this session's view, which learns of
      // mail delivered meanwhile only at a sync: NOOP syncs first, so the version is current.
      await client.noop();
      const status: Partial<StatusObject> =
        (await client.status(path, { messages: true, unseen: true, uidNext: true, highestModseq: true })) ||
        {};
      // Which messages are in the folder; with the flags' version (HIGHESTMODSEQ) after it.
      const contents = [mailbox.uidValidity, status.uidNext ?? mailbox.uidNext, mailbox.exists].join('.');
      const version = `${contents}.${status.highestModseq ?? mailbox.highestModseq ?? ''}`;
      const base = {
        mailbox: path,
        unread: status.unseen ?? 0,
        uidValidity: String(mailbox.uidValidity),
        version,
      };
      const plain = view.sort === 'arrival' && view.filter === 'all' && !view.threads;
      const sequenceIsArrival =
        plain &&
        view.order === 'desc' &&
        (await cachedCheck(client, path, 'arrival-follows-sequence', contents, () =>
          arrivalFollowsSequence(client, mailbox.exists),
        ));
      if (sequenceIsArrival) {
        const window =
          page.cursor !== undefined
            ? await windowBelowUid(client, mailbox, page.cursor, page.limit)
            : sequenceWindow(mailbox.exists, page.offset ?? 0, page.limit);
        const rows = window ? await client.fetchAll(`${window.from}:${window.to}`, ROW_QUERY) : [];
        rows.sort((a, b) => b.uid - a.uid);
        const messages = await toRows(client, rows);
        const offset = window ? mailbox.exists - window.to : (page.offset ?? 0);
        return {
          ...base,
          total: mailbox.exists,
          offset,
          messages,
          nextCursor: window && window.from > 1 ? (messages.at(-1)?.uid ?? null) : null,
        };
      }
      const viewKey = `${view.sort}:${view.order}:${view.filter}:${view.threads}`;
      // Arrival order does not depend on flags: reading a message must not cost a new SORT.
      const validity = plain ? contents : version;
      const entries = await cachedView(client, path, viewKey, validity, () => computeView(client, view));
      const offset =
        page.cursor !== undefined && entries.kind === 'uids'
          ? entries.uids.indexOf(page.cursor) + 1
          : (page.offset ?? 0);
      const messages =
        entries.kind === 'uids'
          ? await rowsForUids(client, [...entries.uids.subarray(offset, offset + page.limit)])
          : await rowsForThreads(client, entries.threads.slice(offset, offset + page.limit));
      const total = entries.kind === 'uids' ? entries.uids.length : entries.threads.length;
      return { ...base, total, offset, messages, nextCursor: null };
    },
    { readOnly: true },
  );
}

async function computeView(client: ImapFlow, view: ListView): Promise<ViewEntries> {
  if (view.threads) return { kind: 'threads', threads: await threadUids(client, view.order, view.filter) };
  return { kind: 'uids', uids: Uint32Array.from(await sortUids(client, view.sort, view.order, view.filter)) };
}

/** How far down the sequence order is checked against arrival times before trusting it. */
const ARRIVAL_CHECK_DEPTH = 100;

/**
 * Whether the newest messages by sequence number are also the newest by arrival (INTERNALDATE),
 * so that the cheap sequence window is the arrival order. Delivery appends in time order, so it
 * holds until a message comes back into the folder by MOVE ("Hoàn tác", a move back from
 * another folder): it keeps its arrival time but gets the highest UID, and lands among the
 * newest sequence numbers, where this one FETCH of a few dates finds it (once per change of the
 * folder's contents). Then the folder is ordered by IMAP SORT (ARRIVAL) instead, and the message
 * shows where it was before.
 */
async function arrivalFollowsSequence(client: ImapFlow, exists: number): Promise<boolean> {
  if (exists < 2) return true;
  const from = Math.max(1, exists - ARRIVAL_CHECK_DEPTH + 1);
  const dates = await client.fetchAll(`${from}:${exists}`, { internalDate: true });
  dates.sort((a, b) => a.seq - b.seq);
  let previous = 0;
  for (const m of dates) {
    const time = new Date(m.internalDate ?? 0).getTime();
    if (time < previous) return false;
    previous = time;
  }
  return true;
}

/** Sequence numbers of the rows at positions offset… from the top (newest first). */
function sequenceWindow(exists: number, offset: number, limit: number): { from: number; to: number } | null {
  const to = exists - offset;
  if (to < 1) return null;
  return { from: Math.max(1, to - limit + 1), to };
}

/**
 * The `limit` messages just below a UID. The count of UIDs under the cursor is the sequence
 * number of the message just below it (UIDs rise with sequence numbers), which ESEARCH gives
 * as one number instead of listing every UID.
 */
async function windowBelowUid(
  client: ImapFlow,
  mailbox: MailboxObject,
  cursor: number,
  limit: number,
): Promise<{ from: number; to: number } | null> {
  if (cursor <= 1) return null;
  let below: number;
  if (client.capabilities.has('ESEARCH')) {
    const result = await client.search({ uid: `1:${cursor - 1}` }, { uid: true, returnOptions: ['COUNT'] });
    below = typeof result === 'object' && result && 'count' in result ? Number(result.count ?? 0) : 0;
  } else {
    const found = await client.search({ uid: `1:${cursor - 1}` }, { uid: true });
    below = Array.isArray(found) ? found.length : 0;
  }
  return sequenceWindow(mailbox.exists, mailbox.exists - below, limit);
}

const ROW_QUERY = {
  uid: true,
  flags: true,
  envelope: true,
  size: true,
  bodyStructure: true,
  internalDate: true,
};

/** Rows for UIDs in the order given; UIDs expunged meanwhile are left out. */
async function rowsForUids(client: ImapFlow, uids: number[]): Promise<MessageRow[]> {
  if (uids.length === 0) return [];
  const fetched = await client.fetchAll(uids.join(','), ROW_QUERY, { uid: true });
  const byUid = new Map(fetched.map((m) => [m.uid, m]));
  const ordered = uids.map((u) => byUid.get(u)).filter((m): m is FetchMessageObject => m !== undefined);
  return toRows(client, ordered);
}

/** A conversation row shows its newest message, with the size and unread count of the whole thread. */
async function rowsForThreads(client: ImapFlow, threads: number[][]): Promise<MessageRow[]> {
  if (threads.length === 0) return [];
  const all = threads.flat();
  const flags = await client.fetchAll(all.join(','), { uid: true, flags: true }, { uid: true });
  const unseen = new Set(flags.filter((m) => !m.flags?.has('\\Seen')).map((m) => m.uid));
  const present = new Set(flags.map((m) => m.uid));
  const heads = await rowsForUids(
    client,
    threads.map((t) => t[0]!),
  );
  const threadOf = new Map(threads.map((t) => [t[0]!, t.filter((u) => present.has(u))]));
  return heads.map((row) => {
    const uids = threadOf.get(row.uid) ?? [row.uid];
    return { ...row, thread: { size: uids.length, unread: uids.filter((u) => unseen.has(u)).length, uids } };
  });
}

async function toRows(client: ImapFlow, rows: FetchMessageObject[]): Promise<MessageRow[]> {
  const previews = await fetchPreviews(client, rows);
  return rows.map((m) => toRow(m, previews.get(m.uid) ?? ''));
}

/** One FETCH for the whole page: the first bytes of each message's text part, decoded. */
async function fetchPreviews(client: ImapFlow, rows: FetchMessageObject[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const byPart = new Map<string, { uids: number[]; type: 'text/plain' | 'text/html' }>();
  const parts = new Map<number, ReturnType<typeof previewPart>>();
  for (const row of rows) {
    const part = previewPart(row.bodyStructure);
    if (!part) continue;
    parts.set(row.uid, part);
    const group = byPart.get(part.part) ?? { uids: [], type: part.type };
    group.uids.push(row.uid);
    byPart.set(part.part, group);
  }
  for (const [partId, group] of byPart) {
    const fetched = await client.fetchAll(
      group.uids.join(','),
      { uid: true, bodyParts: [{ key: partId, start: 0, maxLength: PREVIEW_BYTES }] },
      { uid: true },
    );
    for (const msg of fetched) {
      const meta = parts.get(msg.uid);
      const raw = msg.bodyParts?.values().next().value;
      if (!meta || !raw) continue;
      const alreadyDecoded = (msg.binaryParts?.size ?? 0) > 0;
      const bytes = alreadyDecoded ? raw : decodeTransfer(raw, meta.encoding);
      out.set(msg.uid, previewText(decodeCharset(bytes, meta.charset), meta.type));
    }
  }
  return out;
}

function toRow(msg: FetchMessageObject, preview: string): MessageRow {
  return {
    uid: msg.uid,
    from: toAddress(msg.envelope?.from?.[0]),
    to: toAddresses(msg.envelope?.to),
    subject: (msg.envelope?.subject ?? '').normalize('NFC'),
    date: messageDate(msg),
    flags: toFlags(msg.flags),
    size: msg.size ?? 0,
    hasAttachments: hasRealAttachments(msg.bodyStructure),
    preview,
  };
}
