import type { TextCriteria } from '../mail/search-match';

/**
 * PURE: the FTS5 MATCH expression for a search's text criteria, always a SUPERSET of what
 * docs/search.md's rules accept; every candidate is then checked with those very rules
 * (search-match.ts), so the index only narrows and never decides.
 *
 * Why a superset: a folded phrase found at the start of a word is, in FTS5's unicode61 tokens, a
 * run of whole tokens whose last one may go on ("cong va" → `"cong va" *`); FTS5 tokenises the
 * quoted phrase itself, so query and text are cut the same way. Punctuation inside a phrase is lost
 * ("4040/snv" also finds "4040 snv"), and a phrase starting after a digit or letter is not a word
 * start for the rules: both are what the check afterwards removes.
 */
export function ftsExpression(c: TextCriteria): string | null {
  const parts = [
    ...c.q.flatMap((t) => phrase(t, null)),
    ...c.from.flatMap((t) => phrase(t, 'sender')),
    ...c.to.flatMap((t) => phrase(t, 'recipients')),
    ...c.subject.flatMap((t) => phrase(t, 'subject')),
    ...c.body.flatMap((t) => phrase(t, 'body')),
  ];
  return parts.length > 0 ? parts.join(' AND ') : null;
}

/** The columns of the FTS table, in order: the fields `q` looks in (search-match.ts). */
export const FTS_COLUMNS = ['sender', 'recipients', 'subject', 'names', 'body'] as const;

/** A phrase with no letter or digit (only punctuation) narrows nothing: left to the check. */
function phrase(term: string, column: string | null): string[] {
  if (!/[\p{L}\p{N}]/u.test(term)) return [];
  const quoted = `"${term.replaceAll('"', '""')}" *`;
  return [column ? `${column} : (${quoted})` : `(${quoted})`];
}
