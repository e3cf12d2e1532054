import type { ImapFlow } from 'imapflow';
import type { SearchCriteria, SearchPage } from '../../common/contract';
import { previewPart } from './body-structure';
import { withMailbox } from './mailbox-lock';
import { decodeCursor, encodeCursor, type FolderPosition } from './search-cursor';
import { compileCriteria, snippet, type TextCriteria } from './search-match';
import { prefilter } from './search-prefilter';
import type { SearchOptions } from './search-scan';
import { type Found, pull, type Stream } from './search-scan';
import { candidatesNewestFirst } from './search-sort';
import { fetchTexts, withoutQuotes } from './search-texts';

/** A hit whose body was not read to match shows the start of it, this much at most. */
const PREVIEW_BYTES = 2048;

export type { SearchOptions };

/**
 * Server-side search with Vietnamese folding (docs/search.md has the measurements behind it).
 * Dovecot narrows what it can answer exactly or as a superset (UNSEEN, a date window, tone-proof
 * pieces of the words) and sorts the candidates newest first (SORT); the proxy fetches them chunk
 * by chunk and folds. Folders are merged by date; a request stops when its page is full or its time budget is
 * spent, and the cursor says where each folder stopped, so the client can go on.
 */
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

/** Where the folder goes on: at its newest match not yet shown, else at the next to look at. */
function resumeIndex(stream: Stream): number {
  const firstUnshown = stream.buffer[0];
  return firstUnshown ? stream.candidates.indexOf(firstUnshown.uid) : stream.next;
}

function compareFound(a: Found, b: Found): number {
  return b.dateMs - a.dateMs || a.mailbox.localeCompare(b.mailbox) || b.uid - a.uid;
}
