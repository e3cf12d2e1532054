import { foldVietnamese } from './fold-vietnamese';

/**
 * How a search box's text becomes phrases, shared by the proxy that matches (proxy/mail/
 * search-match.ts) and the browser that highlights what matched. PURE.
 *
 * Vietnamese writes one syllable per word ("công văn" is one word of two syllables), so words
 * typed together are one phrase; several phrases are separated by a comma (or quoted).
 */
const MAX_PHRASES = 12;

/** "cong van" → ["cong van"]; "Công văn, 125" or "\"công văn\" 125" → ["cong van", "125"]. */
export function parseTerms(text: string | undefined): string[] {
  if (!text) return [];
  const terms: string[] = [];
  for (const match of text.matchAll(/"([^"]*)"|([^",;]+)/g)) {
    const term = foldVietnamese(match[1] ?? match[2] ?? '');
    if (term && !terms.includes(term)) terms.push(term);
  }
  return terms.slice(0, MAX_PHRASES);
}

/** A phrase must start where a word starts (and may end inside one): "an" is not in "ban". */
export const startsWord = (folded: string, at: number): boolean =>
  at === 0 || !/[\p{L}\p{N}]/u.test(folded[at - 1] ?? '');

/** Folds each character on its own, remembering where it came from: for cutting a snippet. */
export function foldWithOrigins(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  let lastWasSpace = true;
  for (const ch of text) {
    const f = /\s/.test(ch) ? ' ' : foldVietnamese(ch);
    if (f === ' ') {
      if (!lastWasSpace) {
        folded += ' ';
        origin.push(index);
      }
      lastWasSpace = true;
    } else {
      for (const unit of f) {
        folded += unit;
        origin.push(index);
      }
      if (f) lastWasSpace = false;
    }
    index += ch.length;
  }
  return { folded, origin };
}

export interface TextSegment {
  text: string;
  /** True for a piece that one of the phrases matched: shown in <mark>. */
  hit: boolean;
}

/**
 * The text cut where the phrases occur, by the search's own rule: folded the same way (tones,
 * đ/d, case), starting where a word starts, ending where the phrase ends (inside a word too, as
 * "cong va" finds "công văn"), the word's own tone marks kept with it. Overlapping hits merge.
 */
export function highlightSegments(text: string, phrases: readonly string[]): TextSegment[] {
  const terms = phrases.filter((p) => p.length > 0);
  if (terms.length === 0 || text.length === 0) return text ? [{ text, hit: false }] : [];
  const { folded, origin } = foldWithOrigins(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) {
      if (!startsWord(folded, at)) continue;
      const last = at + term.length - 1;
      const start = origin[at] as number;
      // The end is where the next folded character begins, so that a mark written after its
      // letter (NFD, windows-1258) stays inside the highlight.
      const end = last + 1 < origin.length ? (origin[last + 1] as number) : text.length;
      ranges.push([start, trimEnd(text, start, end)]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const segments: TextSegment[] = [];
  let done = 0;
  for (const [start, end] of ranges) {
    if (end <= done) continue;
    const from = Math.max(start, done);
    if (from > done) segments.push({ text: text.slice(done, from), hit: false });
    const previous = segments.at(-1);
    if (previous?.hit && from === done) previous.text += text.slice(from, end);
    else segments.push({ text: text.slice(from, end), hit: true });
    done = end;
  }
  if (done < text.length) segments.push({ text: text.slice(done), hit: false });
  return segments;
}

/** A phrase ending at a word's end does not take the spaces that follow into the mark. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start + 1 && /\s/.test(text[e - 1] ?? '')) e--;
  return e;
}
