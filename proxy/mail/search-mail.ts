import { convert as htmlToText } from 'html-to-text';
import type { FetchMessageObject, ImapFlow, SearchObject } from 'imapflow';
import type { SearchCriteria, SearchHit, SearchPage } from '../../common/contract';
import { findAttachments, hasRealAttachments, previewPart, type TextPart } from './body-structure';
import { withMailbox } from './mailbox-lock';
import { messageDate, toAddress, toAddresses, toFlags } from './message-mapping';
import { decodeCursor, encodeCursor, type FolderPosition } from './search-cursor';
import {
  compileCriteria,
  foldForSearch,
  type HeaderVerdict,
  invariantRuns,
  matchBody,
  matchHeaders,
  snippet,
  type TextCriteria,
} from './search-match';
import { candidatesNewestFirst } from './search-sort';
import { decodeCharset, decodeTransfer } from './text-decoding';

/**
 * Server-side search with Vietnamese folding (docs/search.md has the measurements behind it).
 * Dovecot narrows what it can answer exactly or as a superset (UNSEEN, a date window, tone-proof
 * pieces of the words) and sorts the candidates newest first (SORT); the proxy fetches them chunk
 * by chunk and folds. Folders are merged by date; a request stops when its page is full or its time budget is
 * spent, and the cursor says where each folder stopped, so the client can go on.
 */
export interface SearchOptions {
  timeZone: string;
  /** Time a request may spend looking before it answers with what it has (default 1.5 s). */
  budgetMs?: number;
  /** Messages per FETCH: starts small (common words fill a page at once), doubles up to max. */
  firstChunk?: number;
  maxChunk?: number;
}

/** Enough for the letter itself; what lies beyond is nearly always quoted history. */
const BODY_SCAN_BYTES = 32 * 1024;
const PREVIEW_BYTES = 2048;

interface Found extends SearchHit {
  dateMs: number;
  /** Decoded body, when it had to be read to match. */
  bodyText: string | null;
  /** The phrases found in the body: the preview is cut around the first. */
  bodyTerms: string[];
}

interface Stream {
  order: number;
  path: string;
  uidValidity: string;
  /** Candidate UIDs still to look at, descending. */
  candidates: number[];
  next: number;
  /** Matches looked at but not yet on a page, newest first. */
  buffer: Found[];
  /** The oldest date looked at: what is left in the folder is (taken to be) older. */
  frontier: number | null;
  chunk: number;
}

export async function searchMail(
  client: ImapFlow,
  criteria: SearchCriteria,
  options: SearchOptions,
): Promise<SearchPage> {
  const started = Date.now();
  const budget = options.budgetMs ?? 1500;
  const text = compileCriteria(criteria);
  const cursor = criteria.cursor ? decodeCursor(criteria.cursor) : null;
  const positions: FolderPosition[] =
    cursor?.folders ??
    (await foldersInScope(client, criteria.mailbox)).map((path) => ({
      path,
      uidValidity: '',
      after: null,
      index: 0,
    }));

  const streams: Stream[] = [];
  for (const [order, position] of positions.entries()) {
    const stream = await openStream(client, position, order, criteria, text, options, !criteria.mailbox);
    if (stream) streams.push(stream);
  }
  const atStart = streams.reduce((n, s) => n + s.candidates.length - s.next, 0);

  const hits: Found[] = [];
  let pulls = 0;
  while (hits.length < criteria.limit) {
    const live = streams.filter((s) => s.next < s.candidates.length);
    const heads = streams.filter((s) => s.buffer.length > 0);
    const newest = heads.sort((a, b) => compareFound(a.buffer[0]!, b.buffer[0]!))[0];
    const head = newest?.buffer[0];
    // A folder with nothing buffered may still hold something newer than the best head.
    const blockers = live.filter(
      (s) => s.buffer.length === 0 && (s.frontier === null || !head || s.frontier > head.dateMs),
    );
    if (head && blockers.length === 0) {
      hits.push(newest.buffer.shift()!);
      continue;
    }
    if (blockers.length === 0) break; // nothing buffered, nothing left
    if (pulls > 0 && Date.now() - started >= budget) break;
    const pullFrom = blockers.sort((a, b) => (b.frontier ?? Infinity) - (a.frontier ?? Infinity))[0]!;
    await pull(client, pullFrom, criteria, text, options);
    pulls++;
  }

  await addPreviews(client, hits, streams);
  const rest = streams.flatMap((s) => {
    const at = resumeIndex(s);
    return at < s.candidates.length ? [{ stream: s, at }] : [];
  });
  const remaining = rest.reduce((n, r) => n + r.stream.candidates.length - r.at, 0);
  const scanned = (cursor?.scanned ?? 0) + (atStart - remaining);
  return {
    hits: hits.map(({ dateMs: _d, bodyText: _b, bodyTerms: _t, ...hit }) => hit),
    nextCursor:
      rest.length > 0
        ? encodeCursor({
            folders: rest.map(({ stream, at }) => ({
              path: stream.path,
              uidValidity: stream.uidValidity,
              after: at > 0 ? (stream.candidates[at - 1] ?? null) : null,
              index: at,
            })),
            scanned,
          })
        : null,
    scanned,
    remaining,
  };
}

async function foldersInScope(client: ImapFlow, mailbox: string | undefined): Promise<string[]> {
  if (mailbox) return [mailbox];
  const listed = await client.list();
  return listed.filter((m) => !m.flags.has('\\Noselect') && !m.flags.has('\\NonExistent')).map((m) => m.path);
}

async function openStream(
  client: ImapFlow,
  position: FolderPosition,
  order: number,
  criteria: SearchCriteria,
  text: TextCriteria,
  options: SearchOptions,
  tolerateMissing: boolean,
): Promise<Stream | null> {
  try {
    return await withMailbox(
      client,
      position.path,
      async (mailbox) => {
        const uidValidity = String(mailbox.uidValidity);
        if (mailbox.exists === 0) return null;
        const candidates = await candidatesNewestFirst(client, prefilter(criteria, text));
        let next = 0;
        // A folder emptied and rebuilt since the last page (new UIDVALIDITY) starts again.
        if (position.after !== null && position.uidValidity === uidValidity) {
          const at = candidates.indexOf(position.after);
          next = at >= 0 ? at + 1 : Math.min(position.index, candidates.length);
        }
        if (next >= candidates.length) return null;
        return {
          order,
          path: position.path,
          uidValidity,
          candidates,
          next,
          buffer: [],
          frontier: null,
          chunk: options.firstChunk ?? 50,
        };
      },
      { readOnly: true },
    );
  } catch (err) {
    // Searching everywhere, a folder deleted in another tab between two pages is simply done.
    if (tolerateMissing && (err as { code?: string }).code === 'mailbox_not_found') return null;
    throw err;
  }
}

const DAY_MS = 86_400_000;
const dayStart = (isoDay: string, shiftDays: number) =>
  new Date(Date.parse(`${isoDay}T00:00:00Z`) + shiftDays * DAY_MS);

/**
 * What Dovecot can decide without folding, always a superset of the answer: the proxy checks every
 * candidate again. Dates are widened by a day (IMAP compares days in the sender's zone) and asked
 * of both the Date header and the arrival date (a message without a valid Date header is shown,
 * and sorted, by its arrival).
 */
export function prefilter(criteria: SearchCriteria, text: TextCriteria): SearchObject {
  const query: SearchObject = { all: true };
  if (criteria.unread) query.seen = false;
  if (criteria.since || criteria.before) {
    const header: SearchObject = {};
    const arrival: SearchObject = {};
    if (criteria.since) {
      header.sentSince = dayStart(criteria.since, -1);
      arrival.since = dayStart(criteria.since, -1);
    }
    if (criteria.before) {
      header.sentBefore = dayStart(criteria.before, 1);
      arrival.before = dayStart(criteria.before, 1);
    }
    query.or = [header, arrival];
  }
  const longestRun = (terms: string[]) => terms.flatMap(invariantRuns).sort((a, b) => b.length - a.length)[0];
  const runs = {
    text: longestRun(text.q),
    from: longestRun(text.from),
    subject: longestRun(text.subject),
    body: longestRun(text.body),
  } as const;
  for (const [key, run] of Object.entries(runs)) if (run) query[key as 'text'] = run;
  return query;
}

const HEADER_QUERY = {
  uid: true,
  flags: true,
  envelope: true,
  bodyStructure: true,
  internalDate: true,
  size: true,
} as const;

/** Looks at the stream's next chunk of candidates and buffers the matches. */
async function pull(
  client: ImapFlow,
  stream: Stream,
  criteria: SearchCriteria,
  text: TextCriteria,
  options: SearchOptions,
): Promise<void> {
  const uids = stream.candidates.slice(stream.next, stream.next + stream.chunk);
  stream.next += uids.length;
  stream.chunk = Math.min(stream.chunk * 2, options.maxChunk ?? 500);
  const dayOf = localDay(options.timeZone);
  const found = await withMailbox(
    client,
    stream.path,
    async () => {
      const messages = await client.fetchAll(uids.join(','), HEADER_QUERY, { uid: true });
      const pending: {
        found: Found;
        verdict: Extract<HeaderVerdict, { kind: 'needs-body' }>;
        part: TextPart;
      }[] = [];
      const matched: Found[] = [];
      for (const msg of messages) {
        const hit = toFound(stream.path, msg);
        stream.frontier = Math.min(stream.frontier ?? Infinity, hit.dateMs);
        if (criteria.unread && hit.flags.seen) continue;
        if (criteria.hasAttachment && !hit.hasAttachments) continue;
        const day = dayOf(hit.dateMs);
        if ((criteria.since && day < criteria.since) || (criteria.before && day >= criteria.before)) continue;
        const verdict = matchHeaders(text, headerFields(msg));
        if (verdict.kind === 'rejected') continue;
        if (verdict.kind === 'matched') {
          matched.push(hit);
          continue;
        }
        const part = previewPart(msg.bodyStructure);
        if (part) pending.push({ found: hit, verdict, part });
      }
      const bodies = await fetchTexts(
        client,
        pending.map((p) => ({ uid: p.found.uid, part: p.part })),
        BODY_SCAN_BYTES,
      );
      for (const p of pending) {
        const body = bodies.get(p.found.uid);
        if (body === undefined || !matchBody(p.verdict, foldForSearch(body))) continue;
        p.found.bodyText = body;
        p.found.bodyTerms = [...p.verdict.bodyTerms, ...p.verdict.eitherTerms];
        matched.push(p.found);
      }
      return matched;
    },
    { readOnly: true },
  );
  // In the folder's newest-first order, whatever order the server fetched them in.
  const rank = new Map(uids.map((uid, i) => [uid, i]));
  stream.buffer.push(...found.sort((a, b) => (rank.get(a.uid) ?? 0) - (rank.get(b.uid) ?? 0)));
}

function toFound(path: string, msg: FetchMessageObject): Found {
  const date = messageDate(msg);
  return {
    mailbox: path,
    uid: msg.uid,
    from: toAddress(msg.envelope?.from?.[0]),
    to: toAddresses(msg.envelope?.to),
    subject: (msg.envelope?.subject ?? '').normalize('NFC'),
    date,
    flags: toFlags(msg.flags),
    size: msg.size ?? 0,
    hasAttachments: hasRealAttachments(msg.bodyStructure),
    preview: '',
    dateMs: Date.parse(date),
    bodyText: null,
    bodyTerms: [],
  };
}

function headerFields(msg: FetchMessageObject) {
  const people = (list: { name?: string; address?: string }[] | undefined) =>
    foldForSearch((list ?? []).map((a) => `${a.name ?? ''} <${a.address ?? ''}>`).join(', '));
  return {
    from: people(msg.envelope?.from),
    to: people([...(msg.envelope?.to ?? []), ...(msg.envelope?.cc ?? [])]),
    subject: foldForSearch(msg.envelope?.subject ?? ''),
    attachmentNames: msg.bodyStructure
      ? foldForSearch(
          findAttachments(msg.bodyStructure)
            .filter((a) => !a.inline)
            .map((a) => a.filename)
            .join('\n'),
        )
      : '',
  };
}

/** The decoded text of one part per message (HTML as text), in one FETCH per part number. */
async function fetchTexts(
  client: ImapFlow,
  wanted: { uid: number; part: TextPart }[],
  maxBytes: number,
): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const byPart = new Map<string, { uid: number; part: TextPart }[]>();
  for (const w of wanted) byPart.set(w.part.part, [...(byPart.get(w.part.part) ?? []), w]);
  for (const [partId, group] of byPart) {
    const meta = new Map(group.map((g) => [g.uid, g.part]));
    const fetched = await client.fetchAll(
      group.map((g) => g.uid).join(','),
      { uid: true, bodyParts: [{ key: partId, start: 0, maxLength: maxBytes }] },
      { uid: true },
    );
    for (const msg of fetched) {
      const part = meta.get(msg.uid);
      const raw = msg.bodyParts?.values().next().value;
      if (!part || !raw) continue;
      const bytes = (msg.binaryParts?.size ?? 0) > 0 ? raw : decodeTransfer(raw, part.encoding);
      const decoded = decodeCharset(bytes, part.charset);
      out.set(msg.uid, part.type === 'text/html' ? htmlAsText(decoded) : decoded);
    }
  }
  return out;
}

function htmlAsText(html: string): string {
  return htmlToText(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'head', format: 'skip' },
    ],
  }).normalize('NFC');
}

/** Snippets for the page: around the match when the body was read, else the body's start. */
async function addPreviews(client: ImapFlow, hits: Found[], streams: Stream[]) {
  for (const stream of streams) {
    const missing = hits.filter((h) => h.mailbox === stream.path && h.bodyText === null);
    if (missing.length === 0) continue;
    const bodies = await withMailbox(
      client,
      stream.path,
      async () => {
        const structures = await client.fetchAll(
          missing.map((h) => h.uid).join(','),
          { uid: true, bodyStructure: true },
          { uid: true },
        );
        const wanted = structures.flatMap((m) => {
          const part = previewPart(m.bodyStructure);
          return part ? [{ uid: m.uid, part }] : [];
        });
        return fetchTexts(client, wanted, PREVIEW_BYTES);
      },
      { readOnly: true },
    );
    for (const hit of missing) hit.bodyText = bodies.get(hit.uid) ?? '';
  }
  for (const hit of hits) hit.preview = snippet(withoutQuotes(hit.bodyText ?? ''), hit.bodyTerms);
}

/** Quoted replies ("> ...") say nothing about this message; the list preview drops them too. */
function withoutQuotes(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((l) => !l.trimStart().startsWith('>'))
    .join('\n')
    .replace(/\uFFFD+$/u, '');
}

/** Where the folder goes on: at its newest match not yet shown, else at the next to look at. */
function resumeIndex(stream: Stream): number {
  const firstUnshown = stream.buffer[0];
  return firstUnshown ? stream.candidates.indexOf(firstUnshown.uid) : stream.next;
}

function compareFound(a: Found, b: Found): number {
  return b.dateMs - a.dateMs || a.mailbox.localeCompare(b.mailbox) || b.uid - a.uid;
}

function localDay(timeZone: string): (ms: number) => string {
  // en-CA writes YYYY-MM-DD, which compares as a string like the contract's days.
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return (ms) => format.format(ms);
}
