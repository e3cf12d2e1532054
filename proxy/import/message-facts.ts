import { looksLikeHeaders } from './file-kind';

/** What the import needs to know of one message before appending it; read from its header section. */
export interface MessageFacts {
  /** Message-ID with its angle brackets, or '' when it has none. */
  messageId: string;
  /** The Date header, when it can be read. */
  date: Date | null;
  /** The Subject as written (encoded words left for the report to decode). */
  rawSubject: string | null;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/** The header section of a CRLF message (all of it when there is no body). */
export function headerSection(raw: Buffer): string {
  const end = raw.indexOf(HEADER_END);
  return raw.subarray(0, end === -1 ? Math.min(raw.length, 256 * 1024) : end + 2).toString('latin1');
}

/** Null when the bytes are a message; otherwise why not. */
export function messageProblem(raw: Buffer): 'not_mail' | null {
  const lines = headerSection(raw).split('\r\n');
  return looksLikeHeaders(lines) ? null : 'not_mail';
}

function field(header: string, name: string): string | null {
  const match = new RegExp(`(?:^|\\r\\n)${name}[ \\t]*:([^\\r\\n]*(?:\\r\\n[ \\t][^\\r\\n]*)*)`, 'i').exec(
    header,
  );
  return match?.[1] ? match[1].replace(/\r\n(?=[ \t])/g, '').trim() : null;
}

export function messageFacts(raw: Buffer): MessageFacts {
  const header = headerSection(raw);
  const id = field(header, 'message-id');
  const dateText = field(header, 'date');
  const parsed = dateText ? Date.parse(dateText.replace(/\s*\([^)]*\)\s*$/, '')) : Number.NaN;
  return {
    messageId: id ? (/<[^>]*>/.exec(id)?.[0] ?? id) : '',
    date: Number.isNaN(parsed) ? null : new Date(parsed),
    rawSubject: field(header, 'subject'),
  };
}

/** Bytes with every line ending made CRLF (a single .eml may have been saved with LF). */
export function withCrlf(raw: Buffer): Buffer {
  if (raw.indexOf(0x0a) === -1) return raw;
  const parts: Buffer[] = [];
  let start = 0;
  for (let nl = raw.indexOf(0x0a); nl !== -1; nl = raw.indexOf(0x0a, start)) {
    const end = nl > 0 && raw[nl - 1] === 0x0d ? nl - 1 : nl;
    parts.push(raw.subarray(start, end), CRLF);
    start = nl + 1;
  }
  if (start < raw.length) parts.push(raw.subarray(start));
  return Buffer.concat(parts);
}
const CRLF = Buffer.from('\r\n');

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ASCTIME =
  /(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),? +(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +(\d{1,2}) +(\d{1,2}):(\d{2})(?::(\d{2}))? +(?:(?:[+-]\d{4}|[A-Z]{3,4}) +)?(\d{4})/;

/**
 * The date of an mbox envelope ("sender Fri Jul  8 12:08:34 2011"): asctime, which carries no zone;
 * writers use UTC (or their local time, which cannot be known), so UTC it is.
 */
export function envelopeDate(envelope: string): Date | null {
  const m = ASCTIME.exec(envelope);
  if (!m) return null;
  const [, mon, day, hh, mm, ss, year] = m;
  const date = new Date(
    Date.UTC(Number(year), MONTHS.indexOf(mon ?? ''), Number(day), Number(hh), Number(mm), Number(ss ?? 0)),
  );
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The INTERNALDATE a message gets: the envelope's date (when it arrived), else its Date header,
 * else the import's own time. Whole seconds, as IMAP keeps them, so a rerun compares equal.
 */
export function arrivalDate(envelope: string | null, facts: MessageFacts, now: Date): Date {
  const date = (envelope ? envelopeDate(envelope) : null) ?? facts.date ?? now;
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
