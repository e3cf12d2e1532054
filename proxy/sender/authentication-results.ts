/**
 * A small parser for the Authentication-Results header field (RFC 8601). The maintained mail
 * authentication library for Node keeps its parser internal (and says it fails on nested
 * comments), so this one is ours: PURE, tested against a table of headers as real servers write
 * them (comments, nested comments, quoted strings, several results, `none`, folded lines).
 */

export interface AuthResultEntry {
  /** spf, dkim, dmarc, arc, iprev, auth… lower-case. */
  method: string;
  /** pass, fail, softfail, neutral, none, temperror, permerror, policy… lower-case. */
  result: string;
  /** ptype.property → value, e.g. { 'header.d': 'binhphuoc.gov.vn', 'smtp.mailfrom': 'a@b.vn' }. */
  properties: Record<string, string>;
}

export interface AuthenticationResults {
  /** The server that wrote the field (lower-case, without a trailing dot). */
  authservId: string;
  /** Empty when the server says `none` (it checked nothing). */
  results: AuthResultEntry[];
}

type Token = { kind: 'word'; text: string } | { kind: 'quoted'; text: string } | { kind: ';' | '=' | '/' };

/** Splits a field body into words, quoted strings and the specials ; = /; comments are dropped. */
function tokenize(body: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const text = body.replace(/\r?\n[ \t]/g, ' ');
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      i++;
    } else if (c === '(') {
      // Comments nest (RFC 5322 §3.2.2) and may hold quoted pairs.
      let depth = 0;
      for (; i < text.length; i++) {
        const d = text[i];
        if (d === '\\') i++;
        else if (d === '(') depth++;
        else if (d === ')' && --depth === 0) break;
      }
      i++;
    } else if (c === '"') {
      let value = '';
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        value += text[i];
      }
      i++;
      tokens.push({ kind: 'quoted', text: value });
    } else if (c === ';' || c === '=' || c === '/') {
      tokens.push({ kind: c });
      i++;
    } else {
      let word = '';
      while (i < text.length && !' \t\r\n();="/'.includes(text[i]!)) word += text[i++];
      tokens.push({ kind: 'word', text: word });
    }
  }
  return tokens;
}

/**
 * Parses one field body (what follows "Authentication-Results:"). Returns null when it has no
 * authserv-id; a result it cannot read is skipped rather than guessed.
 */
export function parseAuthenticationResults(body: string): AuthenticationResults | null {
  const tokens = tokenize(body);
  const first = tokens[0];
  // No authserv-id (Exchange Online starts with "spf=…"): nobody we could trust wrote it.
  if (first?.kind !== 'word' || tokens[1]?.kind === '=') return null;
  const authservId = first.text.toLowerCase().replace(/\.$/, '');
  let i = 1;
  // An optional authres-version after the authserv-id.
  if (tokens[i]?.kind === 'word' && /^\d+$/.test((tokens[i] as { text: string }).text)) i++;
  const results: AuthResultEntry[] = [];
  const statements: Token[][] = [];
  let current: Token[] = [];
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === ';') {
      statements.push(current);
      current = [];
    } else current.push(t);
  }
  statements.push(current);
  for (const s of statements) {
    const entry = readStatement(s);
    if (entry) results.push(entry);
  }
  return { authservId, results };
}

function readStatement(s: Token[]): AuthResultEntry | null {
  // method [ "/" version ] "=" result *( ptype "." property "=" value )
  const word = (t: Token | undefined) => (t && (t.kind === 'word' || t.kind === 'quoted') ? t.text : null);
  const method = word(s[0]);
  if (!method || method.toLowerCase() === 'none') return null;
  let i = 1;
  if (s[i]?.kind === '/') i += 2;
  if (s[i]?.kind !== '=') return null;
  const result = word(s[i + 1]);
  if (!result) return null;
  i += 2;
  const properties: Record<string, string> = {};
  while (i < s.length) {
    // reason="…" has no ptype.property shape but the same key=value form.
    const key = word(s[i]);
    if (key && s[i + 1]?.kind === '=') {
      const value = word(s[i + 2]);
      if (value !== null) properties[key.toLowerCase()] = value;
      i += 3;
    } else i++;
  }
  return { method: method.toLowerCase(), result: result.toLowerCase(), properties };
}
