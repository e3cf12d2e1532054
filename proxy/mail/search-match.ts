import { foldWithOrigins, parseTerms, startsWord } from '../../common/policy/search-terms';
import { foldVietnamese } from '../policy/fold-vietnamese';

export { parseTerms };

/**
 * PURE matching for mail search. Dovecot's own SEARCH ignores case and NFC/NFD but not diacritics
 * ("cong van" never finds "Công văn", see docs/search.md), so both the query and the mail are
 * folded here: no tones, đ → d, lower case, one space for any run of white space.
 */

/**
 * Vietnamese writes one syllable per word ("công văn" is one word of two syllables), so words
 * typed together are looked for together: "cong van" finds "Công văn số 125" but not a letter
 * that merely has "công tác" and "văn phòng" in it, as nearly every official letter does.
 * Several phrases are separated by a comma (or quoted); all of them must occur. A phrase must
 * start where a word starts and may end inside one, so "cong va" already finds "công văn" and
 * "an" does not find "ban".
 */
export interface TextCriteria {
  /** Each phrase must occur in at least one field (sender, recipients, subject, body, file names). */
  q: string[];
  from: string[];
  to: string[];
  subject: string[];
  body: string[];
}

/** True when the folded text holds the folded phrase at the start of a word. */
export function containsPhrase(text: string, phrase: string): boolean {
  return phraseIndex(text, phrase) >= 0;
}

function phraseIndex(text: string, phrase: string): number {
  let at = text.indexOf(phrase);
  while (at > 0 && !startsWord(text, at)) at = text.indexOf(phrase, at + 1);
  return at;
}

export function compileCriteria(
  input: Partial<Record<keyof TextCriteria, string | undefined>>,
): TextCriteria {
  return {
    q: parseTerms(input.q),
    from: parseTerms(input.from),
    to: parseTerms(input.to),
    subject: parseTerms(input.subject),
    body: parseTerms(input.body),
  };
}

export function needsText(c: TextCriteria): boolean {
  return c.q.length + c.from.length + c.to.length + c.subject.length + c.body.length > 0;
}

/**
 * Pieces of a folded term that every matching text contains literally, whatever its tones: runs of
 * letters no Vietnamese mark can change (consonants but d, digits, / @ . _ -). "125" and
 * "4040/snv" qualify; "cong van" has none. Dovecot may look for these itself and hand over fewer
 * messages to fold; shorter runs would hardly narrow anything.
 */
export function invariantRuns(term: string): string[] {
  return (term.match(/[bcfghjklmnpqrstvwxz0-9/@._-]{3,}/g) ?? []).sort((a, b) => b.length - a.length);
}

/** The folded header side of one message. */
export interface HeaderFields {
  from: string;
  to: string;
  subject: string;
  attachmentNames: string;
}

export type HeaderVerdict =
  | { kind: 'rejected' }
  | { kind: 'matched' }
  /** Headers passed; these body terms (and the q terms the headers lacked) are left for the body. */
  | { kind: 'needs-body'; bodyTerms: string[]; eitherTerms: string[] };

const allIn = (text: string, terms: string[]) => terms.every((t) => containsPhrase(text, t));

export function matchHeaders(c: TextCriteria, h: HeaderFields): HeaderVerdict {
  if (!allIn(h.from, c.from) || !allIn(h.to, c.to) || !allIn(h.subject, c.subject))
    return { kind: 'rejected' };
  const fields = [h.from, h.to, h.subject, h.attachmentNames];
  const eitherTerms = c.q.filter((t) => !fields.some((f) => containsPhrase(f, t)));
  if (c.body.length === 0 && eitherTerms.length === 0) return { kind: 'matched' };
  return { kind: 'needs-body', bodyTerms: c.body, eitherTerms };
}

export function matchBody(
  verdict: Extract<HeaderVerdict, { kind: 'needs-body' }>,
  foldedBody: string,
): boolean {
  return allIn(foldedBody, verdict.bodyTerms) && allIn(foldedBody, verdict.eitherTerms);
}

const SNIPPET_CHARS = 160;

/**
 * One line of body text for a hit: around the first term found (so the user sees why it matched),
 * else from the start. The text is the decoded body, already NFC.
 */
export function snippet(text: string, terms: string[]): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  let start = 0;
  if (terms.length > 0) {
    const { folded, origin } = foldWithOrigins(oneLine);
    const at = terms.map((t) => phraseIndex(folded, t)).filter((i) => i >= 0);
    if (at.length > 0) {
      const first = origin[Math.min(...at)] ?? 0;
      // A little context before the match, starting at a word.
      start = first <= 40 ? 0 : oneLine.indexOf(' ', first - 40) + 1;
    }
  }
  const cut = oneLine.slice(start);
  const body = cut.length > SNIPPET_CHARS ? `${cut.slice(0, SNIPPET_CHARS - 1).trimEnd()}…` : cut;
  return start > 0 ? `…${body}` : body;
}

export { foldVietnamese as foldForSearch };
