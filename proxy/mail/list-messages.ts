import type { FetchMessageObject, ImapFlow } from 'imapflow';
import type { MessagePage, MessageRow } from '../contract';
import { hasRealAttachments, previewPart } from './body-structure';
import { withMailbox } from './mailbox-lock';
import { messageDate, toAddress, toAddresses, toFlags } from './message-mapping';
import { decodeCharset, decodeTransfer, previewText } from './text-decoding';

const PREVIEW_BYTES = 2048;

/**
 * Newest first, paged by UID. The first page is addressed by sequence numbers (the last `limit`
 * messages); later pages by a UID window just below the cursor, widened only when deletions left
 * gaps. Either way the server touches about one page of messages, so page 1,800 of a 100,000
 * message folder costs what page 1 costs.
 */
export async function listMessages(
  client: ImapFlow,
  path: string,
  page: { cursor?: number; limit: number },
): Promise<MessagePage> {
  return withMailbox(
    client,
    path,
    async (mailbox) => {
      const status = await client.status(path, { unseen: true });
      const rows = page.cursor
        ? await fetchBelow(client, page.cursor, page.limit + 1)
        : await fetchNewest(client, mailbox.exists, page.limit + 1);
      rows.sort((a, b) => b.uid - a.uid);
      const hasMore = rows.length > page.limit;
      const pageRows = rows.slice(0, page.limit);
      const previews = await fetchPreviews(client, pageRows);
      return {
        mailbox: path,
        total: mailbox.exists,
        unread: status ? (status.unseen ?? 0) : 0,
        uidValidity: String(mailbox.uidValidity),
        messages: pageRows.map((m) => toRow(m, previews.get(m.uid) ?? '')),
        nextCursor: hasMore ? (pageRows.at(-1)?.uid ?? null) : null,
      };
    },
    { readOnly: true },
  );
}

const ROW_QUERY = {
  uid: true,
  flags: true,
  envelope: true,
  size: true,
  bodyStructure: true,
  internalDate: true,
};

async function fetchNewest(client: ImapFlow, exists: number, count: number): Promise<FetchMessageObject[]> {
  if (exists === 0) return [];
  const from = Math.max(1, exists - count + 1);
  return client.fetchAll(`${from}:${exists}`, ROW_QUERY);
}

async function fetchBelow(client: ImapFlow, cursor: number, count: number): Promise<FetchMessageObject[]> {
  const found: FetchMessageObject[] = [];
  let high = cursor - 1;
  let window = count;
  while (high >= 1 && found.length < count) {
    const low = Math.max(1, high - window + 1);
    const batch = await client.fetchAll(`${low}:${high}`, ROW_QUERY, { uid: true });
    found.push(...batch);
    high = low - 1;
    window *= 4; // sparse after mass deletions: look further at once rather than crawl
  }
  return found.sort((a, b) => b.uid - a.uid).slice(0, count);
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
