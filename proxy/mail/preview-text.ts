import { convert as htmlToText } from 'html-to-text';

const PREVIEW_CHARS = 160;

/** An HTML body's words, as the list preview and search read them: no links' addresses, images, styles or head. */
export function htmlAsText(html: string): string {
  return htmlToText(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'head', format: 'skip' },
    ],
  });
}

/** A one-line preview for the message list: no markup, no quoted reply chains, no URLs' noise. */
export function previewText(text: string, type: 'text/plain' | 'text/html'): string {
  const plain = type === 'text/html' ? htmlAsText(text) : text;
  const lines = plain.split(/\r?\n/).filter((l) => !l.trimStart().startsWith('>'));
  const oneLine = lines
    .join(' ')
    .replace(/\uFFFD+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
  return oneLine.length > PREVIEW_CHARS ? `${oneLine.slice(0, PREVIEW_CHARS - 1)}…` : oneLine;
}
