import type { FetchMessageObject, ImapFlow } from 'imapflow';
import type { MessageDetail, MessagePage } from '../../common/contract';
import { previewPart } from '../../proxy/mail/body-structure';
import { imapClient } from './bench-mailbox';
import type { BenchSession } from './proxy-process';
import { type BenchRow, latency, ms, type Timing, timing } from './results';

const PAGE = 50;
const REQUESTS = 50;
const BLOCKS = 5;
const WARMUP = 5;
const DEEP_OFFSET = 90_000;

/** What list-messages.ts asks for a page (ROW_QUERY), and its preview: the first 2,048 bytes. */
const ROW_QUERY = {
  uid: true,
  flags: true,
  envelope: true,
  size: true,
  bodyStructure: true,
  internalDate: true,
};
const PREVIEW_BYTES = 2048;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/**
 * Runs each contender once per round, in turn, so that whatever else the machine does falls on
 * all of them alike; the first rounds warm caches and JIT and are not counted. `blocks` blocks of
 * `count` rounds each: a p95 per block, of which the median is reported (see results.ts).
 */
async function rounds<K extends string>(
  contenders: Record<K, () => Promise<unknown>>,
  count = REQUESTS,
  blocks = BLOCKS,
): Promise<Record<K, Timing>> {
  const names = Object.keys(contenders) as K[];
  const samples = new Map<K, number[][]>(names.map((k) => [k, []]));
  for (let round = 0; round < WARMUP + count * blocks; round++) {
    const block = Math.floor((round - WARMUP) / count);
    for (const name of names) {
      const took = await timed(contenders[name]);
      if (round < WARMUP) continue;
      const perBlock = samples.get(name)!;
      if (!perBlock[block]) perBlock[block] = [];
      perBlock[block].push(took);
    }
  }
  return Object.fromEntries(names.map((k) => [k, timing(samples.get(k)!)])) as Record<K, Timing>;
}

/**
 * The direct baseline: the same page fetched with imapflow on its own connection, the mailbox
 * kept selected as the proxy's pooled connection keeps it. `withStatus` adds the NOOP and STATUS
 * the proxy sends first (for the unread count and the folder version).
 */
async function directPage(
  client: ImapFlow,
  offset: number,
  withStatus: boolean,
): Promise<FetchMessageObject[]> {
  const lock = await client.getMailboxLock('INBOX', { readOnly: true });
  try {
    if (withStatus) {
      await client.noop();
      await client.status('INBOX', { messages: true, unseen: true, uidNext: true, highestModseq: true });
    }
    const exists = client.mailbox ? client.mailbox.exists : 0;
    const to = exists - offset;
    const rows = await client.fetchAll(`${Math.max(1, to - PAGE + 1)}:${to}`, ROW_QUERY);
    const byPart = new Map<string, number[]>();
    for (const row of rows) {
      const part = previewPart(row.bodyStructure);
      if (part) byPart.set(part.part, [...(byPart.get(part.part) ?? []), row.uid]);
    }
    for (const [key, uids] of byPart) {
      await client.fetchAll(
        uids.join(','),
        { uid: true, bodyParts: [{ key, start: 0, maxLength: PREVIEW_BYTES }] },
        { uid: true },
      );
    }
    return rows;
  } finally {
    lock.release();
  }
}

async function directOpen(client: ImapFlow, uid: number): Promise<number> {
  const lock = await client.getMailboxLock('INBOX', { readOnly: true });
  try {
    await client.fetchOne(
      String(uid),
      { uid: true, flags: true, envelope: true, bodyStructure: true, size: true, internalDate: true },
      { uid: true },
    );
    const download = await client.download(String(uid), undefined, { uid: true });
    if (!download.content) throw new Error(`no content for UID ${uid}`);
    let bytes = 0;
    for await (const chunk of download.content) bytes += (chunk as Buffer).length;
    return bytes;
  } finally {
    lock.release();
  }
}

export interface ListBenchInput {
  session: BenchSession;
  email: string;
  password: string;
  bigUid: number;
  bigSize: number;
}

export async function listBench(input: ListBenchInput): Promise<BenchRow[]> {
  const { session } = input;
  const url = (query: string) => `/api/mailboxes/INBOX/messages?${query}`;
  const direct = await imapClient(input.email, input.password);
  try {
    // Sanity: the proxy's pages are what they claim, so the figures below measure real work.
    const first = await session.getJson<MessagePage>(url(`limit=${PAGE}`));
    const deep = await session.getJson<MessagePage>(url(`offset=${DEEP_OFFSET}&limit=${PAGE}`));
    if (first.messages.length !== PAGE || first.total < DEEP_OFFSET + PAGE)
      throw new Error(`first page: ${first.messages.length} rows of ${first.total}`);
    if (deep.offset !== DEEP_OFFSET || deep.messages.length !== PAGE)
      throw new Error(`deep page: offset ${deep.offset}, ${deep.messages.length} rows`);
    // The legacy cursor addressing the same position: the UID just above row 90,000.
    const above = await session.getJson<MessagePage>(url(`offset=${DEEP_OFFSET - 1}&limit=1`));
    const cursor = above.messages[0]!.uid;
    const viaCursor = await session.getJson<MessagePage>(url(`cursor=${cursor}&limit=${PAGE}`));
    if (viaCursor.messages[0]?.uid !== deep.messages[0]?.uid)
      throw new Error('the cursor page and the offset page disagree');

    const list = await rounds({
      proxyFirst: () => session.getJson(url(`limit=${PAGE}`)),
      directFirst: () => directPage(direct, 0, false),
      directFirstWithStatus: () => directPage(direct, 0, true),
      proxyDeep: () => session.getJson(url(`offset=${DEEP_OFFSET}&limit=${PAGE}`)),
      proxyCursor: () => session.getJson(url(`cursor=${cursor}&limit=${PAGE}`)),
      directDeep: () => directPage(direct, DEEP_OFFSET, false),
      // Where the proxy's own time goes: HTTP alone, then HTTP + the session check (no IMAP).
      proxyPublic: () => session.getJson('/api/config'),
      proxySession: () => session.getJson('/api/session'),
    });

    // Sorted by date: the first page runs one SORT over the whole folder; pages after it are
    // served from the view cache while the folder stays unchanged.
    const sortCold = await timed(() => session.getJson(url(`sort=date&limit=${PAGE}`)));
    const sorted = await rounds(
      {
        sortedFirst: () => session.getJson(url(`sort=date&limit=${PAGE}`)),
        sortedDeep: () => session.getJson(url(`sort=date&offset=${DEEP_OFFSET}&limit=${PAGE}`)),
      },
      20,
      1,
    );

    const detail = await session.getJson<MessageDetail>(`/api/mailboxes/INBOX/messages/${input.bigUid}`);
    if (!detail.html || !detail.text) throw new Error('the 50 KB message came back without its bodies');
    const open = await rounds({
      proxyOpen: () => session.getJson(`/api/mailboxes/INBOX/messages/${input.bigUid}`),
      directOpen: () => directOpen(direct, input.bigUid),
    });

    const ratio = (a: Timing, b: Timing) => a.p95 / b.p95;
    const perRun = `p95 of ${REQUESTS} requests, median of ${BLOCKS} blocks`;
    return [
      {
        name: `List, first page (${PAGE} rows of ${first.total.toLocaleString('en')}), proxy over HTTP vs imapflow direct`,
        value: latency(list.proxyFirst),
        baseline: `${latency(list.directFirst)} direct FETCH rows + previews`,
        ratio: ratio(list.proxyFirst, list.directFirst),
        target: `proxy ≤ 1.3× direct (${perRun})`,
        pass: ratio(list.proxyFirst, list.directFirst) <= 1.3,
      },
      {
        name: 'List, first page: proxy vs direct doing the same IMAP commands (NOOP + STATUS + FETCHes)',
        value: latency(list.proxyFirst),
        baseline: latency(list.directFirstWithStatus),
        ratio: ratio(list.proxyFirst, list.directFirstWithStatus),
        target: '—',
        pass: null,
      },
      {
        name: 'Proxy without IMAP: GET /api/session (cookie → SQLite row, AES-GCM open, expiry write)',
        value: latency(list.proxySession),
        baseline: `${latency(list.proxyPublic)} GET /api/config (no session)`,
        ratio: ratio(list.proxySession, list.proxyPublic),
        target: '—',
        pass: null,
      },
      {
        name: `List, page at offset ${DEEP_OFFSET.toLocaleString('en')} vs first page (proxy)`,
        value: latency(list.proxyDeep),
        baseline: `${latency(list.proxyFirst)} first page`,
        ratio: ratio(list.proxyDeep, list.proxyFirst),
        target: '≤ 1.5× first page',
        pass: ratio(list.proxyDeep, list.proxyFirst) <= 1.5,
      },
      {
        name: `List, same deep page by UID cursor (legacy, ESEARCH COUNT) vs first page`,
        value: latency(list.proxyCursor),
        baseline: `${latency(list.proxyFirst)} first page`,
        ratio: ratio(list.proxyCursor, list.proxyFirst),
        target: '—',
        pass: null,
      },
      {
        name: `List, deep page direct (imapflow) vs first page direct`,
        value: latency(list.directDeep),
        baseline: latency(list.directFirst),
        ratio: ratio(list.directDeep, list.directFirst),
        target: '—',
        pass: null,
      },
      {
        name: 'List sorted by date: first request (one SORT of the whole folder, cold)',
        value: ms(sortCold),
        baseline: `${latency(list.proxyFirst)} arrival order`,
        ratio: sortCold / list.proxyFirst.p95,
        target: '—',
        pass: null,
      },
      {
        name: `List sorted by date, offset ${DEEP_OFFSET.toLocaleString('en')} (cached view, 20 requests)`,
        value: latency(sorted.sortedDeep),
        baseline: `${latency(sorted.sortedFirst)} sorted first page`,
        ratio: ratio(sorted.sortedDeep, sorted.sortedFirst),
        target: '—',
        pass: null,
      },
      {
        name: `Open a ${(input.bigSize / 1024).toFixed(0)} KB message (GET …/messages/:uid, parsed)`,
        value: latency(open.proxyOpen),
        baseline: `${latency(open.directOpen)} direct FETCH + full download`,
        ratio: ratio(open.proxyOpen, open.directOpen),
        target: `p95 ≤ 100 ms (${perRun})`,
        pass: open.proxyOpen.p95 <= 100,
      },
    ];
  } finally {
    await direct.logout().catch(() => direct.close());
  }
}
