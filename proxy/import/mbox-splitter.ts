/**
 * Splits an mbox file into messages as its bytes stream in, holding at most one message (and never
 * more than the per-message cap of it). Pure: bytes in, messages out, no I/O.
 *
 * The two common dialects differ only in how a body line starting with "From " was protected:
 * - mboxo writes "From " as ">From " and leaves ">From " alone, so only one level is undone;
 * - mboxrd writes every /^>*From / with one more ">", so one ">" is taken off any /^>+From /.
 * Neither can be told from the file; the caller says which (mboxrd, Gmail's and mutt's, by default).
 *
 * A separator is a "From " line at the start of the file or after a blank line that looks like an
 * envelope ("From sender date"): careless writers leave an unquoted "From " inside paragraphs, and
 * those stay body text. The blank line before a separator belongs to the separator, not to the
 * message. Lines end in CRLF on the way out whatever the file used, as IMAP APPEND expects.
 */

export type MboxVariant = 'mboxrd' | 'mboxo';

export type MboxItem =
  | {
      kind: 'message';
      /** 1-based position of the message in the file. */
      index: number;
      /** Line of its "From " separator in the file (1-based). */
      line: number;
      /** The separator line without "From ": sender and date. */
      envelope: string;
      raw: Buffer;
    }
  | {
      kind: 'too_large';
      index: number;
      line: number;
      envelope: string;
      /** Its size in CRLF form, counted to the end although its bytes were let go. */
      size: number;
      /** Its first bytes (enough for the headers), for the report's subject. */
      head: Buffer;
    }
  | {
      /** The file does not start with a "From " separator: nothing after this is read. */
      kind: 'no_separator';
      line: number;
    };

export interface MboxOptions {
  variant: MboxVariant;
  maxMessageBytes: number;
}

const NL = 0x0a;
const CR = 0x0d;
const CRLF = Buffer.from('\r\n');
const FROM = Buffer.from('From ');
/** Bytes of a too-large message kept for its headers. */
const HEAD_BYTES = 64 * 1024;
/** A line longer than this is passed on in pieces (it cannot be a separator, nor quoted From). */
const LONG_LINE = 1024 * 1024;

/** "From sender date…": an envelope has a sender word and then something with a year or a time in it. */
const ENVELOPE = /^From \S+ +.*(?:\d{4}|\d{1,2}:\d{2})/;

export function isSeparatorLine(line: string): boolean {
  return ENVELOPE.test(line);
}

/** How many '>' to take off the start of a line (0 when it is not a quoted From line). */
export function quoteToRemove(line: Buffer, variant: MboxVariant): number {
  if (line[0] !== 0x3e) return 0;
  let i = 0;
  while (line[i] === 0x3e) i++;
  if (variant === 'mboxo' && i !== 1) return 0;
  return line.subarray(i, i + FROM.length).equals(FROM) ? 1 : 0;
}

export async function* splitMbox(
  source: AsyncIterable<Buffer | Uint8Array | string>,
  options: MboxOptions,
): AsyncGenerator<MboxItem> {
  const splitter = new MboxSplitter(options);
  for await (const chunk of source) {
    yield* splitter.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    if (splitter.stopped) return;
  }
  yield* splitter.end();
}

interface Current {
  index: number;
  line: number;
  envelope: string;
  parts: Buffer[];
  size: number;
  head: Buffer | null;
}

/** The state machine behind splitMbox, fed chunk by chunk (also usable without async iteration). */
export class MboxSplitter {
  stopped = false;
  private pending: Buffer[] = [];
  private pendingSize = 0;
  /** The line being read continues a piece already passed on (a very long line). */
  private midLine = false;
  private lineNo = 0;
  private blankLines = 0;
  private seenContent = false;
  private count = 0;
  private current: Current | null = null;

  constructor(private readonly options: MboxOptions) {}

  *push(chunk: Buffer): Generator<MboxItem> {
    let start = 0;
    while (!this.stopped) {
      const nl = chunk.indexOf(NL, start);
      if (nl === -1) break;
      const piece = chunk.subarray(start, nl);
      start = nl + 1;
      const line = this.pendingSize > 0 ? Buffer.concat([...this.pending, piece]) : piece;
      this.pending = [];
      this.pendingSize = 0;
      yield* this.line(line[line.length - 1] === CR ? line.subarray(0, -1) : line, true);
    }
    if (this.stopped || start >= chunk.length) return;
    const rest = chunk.subarray(start);
    // Copied: the caller may reuse its buffer for the next chunk.
    this.pending.push(Buffer.from(rest));
    this.pendingSize += rest.length;
    if (this.pendingSize > LONG_LINE) {
      const long = Buffer.concat(this.pending);
      this.pending = [];
      this.pendingSize = 0;
      yield* this.line(long, false);
    }
  }

  *end(): Generator<MboxItem> {
    if (this.stopped) return;
    if (this.pendingSize > 0) {
      const last = Buffer.concat(this.pending);
      this.pending = [];
      this.pendingSize = 0;
      yield* this.line(last[last.length - 1] === CR ? last.subarray(0, -1) : last, true);
    }
    // The blank line a writer leaves after the last message is the separator's, as between messages.
    if (this.blankLines > 0) this.blankLines--;
    this.flushBlanks();
    const done = this.finish();
    if (done) yield done;
    this.stopped = true;
  }

  /** One line without its ending; `complete` is false for a piece of a very long line. */
  private *line(line: Buffer, complete: boolean): Generator<MboxItem> {
    const startsLine = !this.midLine;
    this.midLine = !complete;
    if (startsLine) this.lineNo++;
    if (startsLine && complete && line.length === 0) {
      if (this.seenContent) this.blankLines++;
      return;
    }
    if (startsLine && complete && this.isSeparator(line)) {
      if (this.blankLines > 0) this.blankLines--;
      this.flushBlanks();
      const done = this.finish();
      if (done) yield done;
      this.count++;
      this.seenContent = true;
      this.current = {
        index: this.count,
        line: this.lineNo,
        envelope: line.subarray(FROM.length).toString('latin1').trim(),
        parts: [],
        size: 0,
        head: null,
      };
      return;
    }
    if (!this.current) {
      this.stopped = true;
      yield { kind: 'no_separator', line: this.lineNo };
      return;
    }
    this.flushBlanks();
    const cut = startsLine ? quoteToRemove(line, this.options.variant) : 0;
    this.add(cut > 0 ? line.subarray(cut) : line);
    if (complete) this.add(CRLF);
  }

  private isSeparator(line: Buffer): boolean {
    if (line.length < FROM.length || !line.subarray(0, FROM.length).equals(FROM)) return false;
    // At the start of the file, or after a blank line.
    if (this.current && this.blankLines === 0) return false;
    return isSeparatorLine(line.subarray(0, 200).toString('latin1'));
  }

  private flushBlanks() {
    for (; this.blankLines > 0; this.blankLines--) this.add(CRLF);
  }

  private add(bytes: Buffer) {
    const m = this.current;
    if (!m) return;
    m.size += bytes.length;
    if (m.head) return;
    m.parts.push(bytes);
    if (m.size > this.options.maxMessageBytes) {
      // Over the cap: keep its start for the report and only count the rest.
      m.head = Buffer.concat(m.parts).subarray(0, HEAD_BYTES);
      m.parts = [];
    }
  }

  private finish(): MboxItem | null {
    const m = this.current;
    this.current = null;
    if (!m) return null;
    if (m.head) {
      return {
        kind: 'too_large',
        index: m.index,
        line: m.line,
        envelope: m.envelope,
        size: m.size,
        head: m.head,
      };
    }
    return {
      kind: 'message',
      index: m.index,
      line: m.line,
      envelope: m.envelope,
      raw: Buffer.concat(m.parts),
    };
  }
}
