import { Fragment, useMemo } from 'react';
import { highlightSegments, parseTerms } from '../../../common/policy/search-terms';
import type { SearchParams } from '../../api/search';
import { useSearchStore } from './search-store';

/** Which part of a message is being shown: each field also takes its own advanced criterion. */
export type HighlightField = 'from' | 'subject' | 'body';

/**
 * The phrases to mark in `field` for a search: what the box asked (looked for everywhere) and
 * the field's own criterion, parsed and folded exactly as the proxy matched them. PURE.
 */
export function highlightPhrases(params: SearchParams | null, field: HighlightField): string[] {
  if (!params) return [];
  return [...new Set([...parseTerms(params.q), ...parseTerms(params[field])])];
}

/** The running search's phrases for `field` (none when nothing is searched). */
export function useHighlightPhrases(field: HighlightField): string[] {
  const active = useSearchStore((s) => s.active);
  // One array per search, so that what is computed from it (the marked mail) is not redone.
  return useMemo(() => highlightPhrases(active, field), [active, field]);
}

/** Text with the search's hits in <mark> (the only markup: the text itself stays text). */
export function Highlighted({ text, phrases }: { text: string; phrases: readonly string[] }) {
  if (phrases.length === 0) return <>{text}</>;
  return (
    <>
      {highlightSegments(text, phrases).map((s, i) =>
        s.hit ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments of one text never reorder
          <mark key={i} className="search-mark">
            {s.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments of one text never reorder
          <Fragment key={i}>{s.text}</Fragment>
        ),
      )}
    </>
  );
}

/** The mark's look inside the mail frame, where the app's stylesheet does not reach. */
const FRAME_MARK_STYLE =
  'background-color:#ffe066;color:#1a1a1a;border-radius:2px;box-shadow:0 0 0 1px #e0b400';
const SKIPPED = new Set(['style', 'script', 'title', 'textarea', 'noscript', 'template']);

/**
 * The sanitised HTML of a message with the search's hits marked. It walks the TEXT NODES of the
 * parsed document and splits them with DOM calls, so no markup is ever built from strings and
 * no attribute, URL or style is touched; the result goes into the same sandboxed frame.
 */
export function markHtmlText(html: string, phrases: readonly string[]): string {
  if (phrases.length === 0) return html;
  const doc = new DOMParser().parseFromString(
    `<!doctype html><html><body>${html}</body></html>`,
    'text/html',
  );
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!SKIPPED.has(node.parentElement?.localName ?? '')) texts.push(node as Text);
  }
  let marked = 0;
  for (const node of texts) {
    const segments = highlightSegments(node.data, phrases);
    if (!segments.some((s) => s.hit)) continue;
    const pieces = doc.createDocumentFragment();
    for (const s of segments) {
      if (!s.hit) {
        pieces.append(doc.createTextNode(s.text));
        continue;
      }
      const mark = doc.createElement('mark');
      mark.className = 'search-mark';
      mark.setAttribute('style', FRAME_MARK_STYLE);
      mark.textContent = s.text;
      pieces.append(mark);
      marked++;
    }
    node.replaceWith(pieces);
  }
  return marked > 0 ? doc.body.innerHTML : html;
}
