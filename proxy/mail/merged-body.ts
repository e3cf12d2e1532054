import type { BodyPart } from '../../common/contract';
import { htmlAsText } from './preview-text';

/**
 * Pure: the body parts as one text and one HTML, for what reads a message whole (print, the quote
 * of a reply or forward, search): the letter's own text is never dropped for its HTML beside it.
 * A forwarded message gets its RFC 5322 header lines, as its source shows them.
 */
export function mergedBody(parts: BodyPart[]): { text: string; html: string } {
  return { text: mergedText(parts), html: mergedHtml(parts) };
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const addr = (a: { name: string; address: string }) => (a.name ? `${a.name} <${a.address}>` : a.address);

function headerLines(p: Extract<BodyPart, { kind: 'message' }>): string[] {
  return [
    `From: ${p.from ? addr(p.from) : ''}`,
    `To: ${p.to.map(addr).join(', ')}`,
    ...(p.cc.length ? [`Cc: ${p.cc.map(addr).join(', ')}`] : []),
    ...(p.date ? [`Date: ${p.date}`] : []),
    `Subject: ${p.subject}`,
  ];
}

function mergedText(parts: BodyPart[]): string {
  return parts
    .map((p) => {
      if (p.kind === 'text') return p.text;
      if (p.kind === 'html') return htmlAsText(p.html);
      return [...headerLines(p), '', mergedText(p.parts)].join('\n');
    })
    .join('\n\n');
}

function mergedHtml(parts: BodyPart[]): string {
  return parts
    .map((p) => {
      if (p.kind === 'html') return `<div>${p.html}</div>`;
      if (p.kind === 'text') return `<div>${escapeHtml(p.text).replace(/\r?\n/g, '<br>')}</div>`;
      const head = headerLines(p).map(escapeHtml).join('<br>');
      return `<blockquote type="cite"><p>${head}</p>${mergedHtml(p.parts)}</blockquote>`;
    })
    .join('\n');
}
