import type { ImapFlow } from 'imapflow';
import type { ListFilter, ListOrder, ListSort } from '../../common/contract';
import { threadByReferences } from './thread-references';

/**
 * IMAP SORT (RFC 5256) and THREAD=REFERENCES, which imapflow has no method for: sent through its
 * command queue with the untagged SORT/THREAD answers collected. Without the capabilities the
 * folder's headers are fetched and ordered here, which costs a pass over the folder.
 */
interface Attr {
  type?: string;
  value?: unknown;
}
interface Untagged {
  attributes?: unknown[];
}
interface RawCommands {
  exec(
    command: string,
    attributes: unknown[],
    options: { untagged: Record<string, (u: Untagged) => Promise<void>> },
  ): Promise<{ next: () => void }>;
}

const atom = (value: string): Attr => ({ type: 'ATOM', value });
const onUntagged = (name: string, handle: (u: Untagged) => void) => ({
  [name]: async (u: Untagged) => handle(u),
});

const SEARCH_KEY: Record<ListFilter, string> = { all: 'ALL', unread: 'UNSEEN', flagged: 'FLAGGED' };
// ARRIVAL is the INTERNALDATE (RFC 5256), which MOVE and COPY keep: a message moved back to its
// folder ("Hoàn tác") sorts where it was, although its new UID is the highest.
const SORT_KEY: Record<ListSort, string> = {
  arrival: 'ARRIVAL',
  date: 'DATE',
  from: 'FROM',
  subject: 'SUBJECT',
  size: 'SIZE',
};

function uidOf(a: unknown): number | null {
  const n = Number((a as Attr | undefined)?.value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** UIDs of the folder's messages passing the filter, ascending: arrival order. */
export async function searchUids(client: ImapFlow, filter: ListFilter): Promise<number[]> {
  const query =
    filter === 'unread' ? { seen: false } : filter === 'flagged' ? { flagged: true } : { all: true };
  const found = await client.search(query, { uid: true });
  if (!Array.isArray(found)) throw new Error('search refused');
  return found.sort((a, b) => a - b);
}

/** UIDs in the order asked for; the server sorts when it can (SORT), else we do. */
export async function sortUids(
  client: ImapFlow,
  sort: ListSort,
  order: ListOrder,
  filter: ListFilter,
): Promise<number[]> {
  if (client.capabilities.has('SORT')) {
    // SORT=DISPLAY orders senders by the name people see ("Nguyễn Văn A"), not the address.
    const key = sort === 'from' && client.capabilities.has('SORT=DISPLAY') ? 'DISPLAYFROM' : SORT_KEY[sort];
    const criteria = order === 'desc' ? [atom('REVERSE'), atom(key)] : [atom(key)];
    const uids: number[] = [];
    const response = await (client as unknown as RawCommands).exec(
      'UID SORT',
      [criteria, atom('UTF-8'), atom(SEARCH_KEY[filter])],
      {
        untagged: onUntagged('SORT', (u) => {
          for (const a of u.attributes ?? []) {
            const uid = uidOf(a);
            if (uid) uids.push(uid);
          }
        }),
      },
    );
    response.next();
    return uids;
  }
  return sortHere(client, sort, order, await searchUids(client, filter));
}

async function sortHere(
  client: ImapFlow,
  sort: ListSort,
  order: ListOrder,
  uids: number[],
): Promise<number[]> {
  if (uids.length === 0) return [];
  const rows = await client.fetchAll(
    uids.join(','),
    { uid: true, envelope: true, size: true, internalDate: true },
    { uid: true },
  );
  const keyOf = (m: (typeof rows)[number]): string | number => {
    if (sort === 'size') return m.size ?? 0;
    if (sort === 'arrival') return new Date(m.internalDate ?? 0).getTime() || 0;
    if (sort === 'date') return new Date(m.envelope?.date ?? m.internalDate ?? 0).getTime() || 0;
    if (sort === 'from') {
      const f = m.envelope?.from?.[0];
      return (f?.name || f?.address || '').normalize('NFC').toLocaleLowerCase('vi');
    }
    return (m.envelope?.subject ?? '')
      .replace(/^\s*((re|fw|fwd|tl|tr)\s*:\s*)+/i, '')
      .normalize('NFC')
      .toLocaleLowerCase('vi');
  };
  const keyed = rows.map((m) => ({ uid: m.uid, key: keyOf(m) }));
  keyed.sort((a, b) => {
    const c =
      typeof a.key === 'number' && typeof b.key === 'number'
        ? a.key - b.key
        : String(a.key).localeCompare(String(b.key), 'vi');
    return c !== 0 ? c : a.uid - b.uid;
  });
  const sorted = keyed.map((k) => k.uid);
  return order === 'desc' ? sorted.reverse() : sorted;
}

/**
 * Conversations of the folder, each a list of UIDs (newest first), the most recently active
 * conversation first (or last, for order=asc).
 */
export async function threadUids(
  client: ImapFlow,
  order: ListOrder,
  filter: ListFilter,
): Promise<number[][]> {
  let threads: number[][];
  if (client.capabilities.has('THREAD=REFERENCES')) {
    threads = [];
    const response = await (client as unknown as RawCommands).exec(
      'UID THREAD',
      [atom('REFERENCES'), atom('UTF-8'), atom(SEARCH_KEY[filter])],
      {
        untagged: onUntagged('THREAD', (u) => {
          for (const tree of u.attributes ?? []) threads.push(flattenThread(tree));
        }),
      },
    );
    response.next();
  } else {
    threads = await threadHere(client, await searchUids(client, filter));
  }
  const sorted = threads
    .filter((t) => t.length > 0)
    .map((t) => t.sort((a, b) => b - a))
    .sort((a, b) => b[0]! - a[0]!);
  return order === 'desc' ? sorted : sorted.reverse();
}

/** A THREAD answer's tree, "(4 5 (6)(7 8))", as the UIDs in it. */
function flattenThread(tree: unknown): number[] {
  if (!Array.isArray(tree)) {
    const uid = uidOf(tree);
    return uid ? [uid] : [];
  }
  return tree.flatMap(flattenThread);
}

async function threadHere(client: ImapFlow, uids: number[]): Promise<number[][]> {
  if (uids.length === 0) return [];
  const rows = await client.fetchAll(
    uids.join(','),
    { uid: true, envelope: true, headers: ['references'] },
    { uid: true },
  );
  return threadByReferences(
    rows.map((m) => ({
      uid: m.uid,
      messageId: m.envelope?.messageId ?? null,
      inReplyTo: m.envelope?.inReplyTo ?? null,
      references: parseReferences(m.headers?.toString('utf8') ?? ''),
    })),
  );
}

function parseReferences(header: string): string[] {
  const value = header.replace(/^references:\s*/i, '').replace(/\r?\n[ \t]+/g, ' ');
  return value.match(/<[^<>\s]+>/g) ?? [];
}
