/**
 * Reading ManageSieve (RFC 5804) answers. PURE: bytes in, parsed response out (or "need more
 * bytes"). A response is any number of data lines followed by one line that starts with OK, NO or
 * BYE; each line is a sequence of atoms, quoted strings and literals (`{n}` or `{n+}` at the end of
 * a line, then exactly n bytes). Lengths are in bytes: Sieve scripts are UTF-8.
 */

export type Token = { kind: 'atom'; value: string } | { kind: 'string'; value: string };
export type ResponseLine = Token[];

export interface SieveResponse {
  status: 'OK' | 'NO' | 'BYE';
  /** The response code in parentheses, e.g. `QUOTA/MAXSIZE` or `NONEXISTENT`. */
  code: string | null;
  /** The human-readable text after it (the server's reason for NO, a script error). */
  text: string;
  lines: ResponseLine[];
}

const CR = 13;
const LF = 10;

/** The first complete response in `buffer` and the bytes it used; null while it is incomplete. */
export function parseResponse(buffer: Buffer): { response: SieveResponse; consumed: number } | null {
  const lines: ResponseLine[] = [];
  let pos = 0;
  for (;;) {
    const parsed = parseLine(buffer, pos);
    if (!parsed) return null;
    pos = parsed.next;
    const first = parsed.tokens[0];
    if (first?.kind === 'atom' && /^(OK|NO|BYE)$/i.test(first.value)) {
      return {
        response: finalLine(first.value.toUpperCase() as SieveResponse['status'], parsed.tokens, lines),
        consumed: pos,
      };
    }
    lines.push(parsed.tokens);
  }
}

function finalLine(status: SieveResponse['status'], tokens: Token[], lines: ResponseLine[]): SieveResponse {
  let code: string | null = null;
  let text = '';
  for (const token of tokens.slice(1)) {
    if (token.kind === 'atom' && token.value.startsWith('(') && code === null) {
      code = token.value.replace(/^\(|\)$/g, '');
    } else if (token.kind === 'string') {
      text = token.value;
    }
  }
  return { status, code, text, lines };
}

/** One line (with its literals) from `start`; null when the buffer ends inside it. */
function parseLine(buffer: Buffer, start: number): { tokens: Token[]; next: number } | null {
  const tokens: Token[] = [];
  let pos = start;
  while (pos < buffer.length) {
    const byte = buffer[pos] as number;
    if (byte === CR && buffer[pos + 1] === LF) return { tokens, next: pos + 2 };
    if (byte === CR && pos + 1 >= buffer.length) return null;
    if (byte === LF) return { tokens, next: pos + 1 };
    if (byte === 0x20) {
      pos++;
      continue;
    }
    if (byte === 0x22) {
      const quoted = readQuoted(buffer, pos);
      if (!quoted) return null;
      tokens.push({ kind: 'string', value: quoted.value });
      pos = quoted.next;
      continue;
    }
    if (byte === 0x7b) {
      const literal = readLiteral(buffer, pos);
      if (literal === 'incomplete') return null;
      if (literal) {
        tokens.push({ kind: 'string', value: literal.value });
        pos = literal.next;
        continue;
      }
    }
    const atom = readAtom(buffer, pos);
    tokens.push({ kind: 'atom', value: atom.value });
    pos = atom.next;
  }
  return null;
}

function readQuoted(buffer: Buffer, start: number): { value: string; next: number } | null {
  const bytes: number[] = [];
  for (let pos = start + 1; pos < buffer.length; pos++) {
    const byte = buffer[pos] as number;
    if (byte === 0x5c) {
      pos++;
      if (pos >= buffer.length) return null;
      bytes.push(buffer[pos] as number);
    } else if (byte === 0x22) {
      return { value: Buffer.from(bytes).toString('utf8'), next: pos + 1 };
    } else {
      bytes.push(byte);
    }
  }
  return null;
}

/** `{12}` / `{12+}` then CRLF then 12 bytes. Not a literal (a `{` inside an atom): undefined. */
function readLiteral(
  buffer: Buffer,
  start: number,
): { value: string; next: number } | 'incomplete' | undefined {
  const close = buffer.indexOf(0x7d, start);
  if (close < 0) return 'incomplete';
  const m = /^\{(\d+)\+?\}$/.exec(buffer.subarray(start, close + 1).toString('latin1'));
  if (!m) return undefined;
  if (buffer.length < close + 3) return 'incomplete';
  const dataStart = close + 3; // past "}\r\n"
  const length = Number(m[1]);
  if (buffer.length < dataStart + length) return 'incomplete';
  return { value: buffer.subarray(dataStart, dataStart + length).toString('utf8'), next: dataStart + length };
}

function readAtom(buffer: Buffer, start: number): { value: string; next: number } {
  let pos = start;
  let depth = 0;
  while (pos < buffer.length) {
    const byte = buffer[pos] as number;
    if (byte === CR || byte === LF) break;
    if (byte === 0x20 && depth === 0) break;
    if (byte === 0x28) depth++;
    if (byte === 0x29) depth--;
    pos++;
  }
  return { value: buffer.subarray(start, pos).toString('utf8'), next: pos };
}

/** A string argument as the server reads it: quoted when short and plain, else a literal. */
export function sieveString(value: string): string {
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes < 1000 && !/["\\\r\n]/.test(value)) return `"${value}"`;
  return `{${bytes}+}\r\n${value}`;
}
