import type { FetchMessageObject, ImapFlow } from 'imapflow';
import type { SearchCriteria, SearchHit } from '../../common/contract';
import { findAttachments, hasRealAttachments, previewPart, type TextPart } from './body-structure';
import { withMailbox } from './mailbox-lock';
import { messageDate, toAddress, toAddresses, toFlags } from './message-mapping';
import {
  foldForSearch,
  type HeaderVerdict,
  matchBody,
  matchHeaders,
  type TextCriteria,
} from './search-match';
import { fetchTexts } from './search-texts';

/** Enough for the letter itself; what lies beyond is nearly always quoted history. */
const BODY_SCAN_BYTES = 32 * 1024;

/** How a search request spends its time (the route sets the time zone, tests the budget). */
export interface SearchOptions {
  timeZone: string;
  /** Time a request may spend looking before it answers with what it has (default 1.5 s). */
  budgetMs?: number;
  /** Messages per FETCH: starts small (common words fill a page at once), doubles up to max. */
  firstChunk?: number;
  maxChunk?: number;
}

/** A match, with what its preview needs. */
export interface Found extends SearchHit {
  dateMs: number;
  /** Decoded body, when it had to be read to match. */
  bodyText: string | null;
  /** The phrases found in the body: the preview is cut around the first. */
  bodyTerms: string[];
}

/** One folder's candidates, looked at chunk by chunk, newest first. */
export interface Stream {
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

const HEADER_QUERY = {
  uid: true,
  flags: true,
  envelope: true,
  bodyStructure: true,
  internalDate: true,
  size: true,
} as const;

/** Looks at the stream's next chunk of candidates and buffers the matches. */
export async function pull(
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
