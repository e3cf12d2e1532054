import type { ComposePrefill, OutgoingMessage } from '../../../common/contract';
import type { ComposeWindow, RecipientChip } from './compose-store';

const recipients = (chips: RecipientChip[]) =>
  chips
    .filter((c) => c.valid)
    .map((c) => (c.name ? { name: c.name, address: c.address } : { address: c.address }));

/**
 * The window as the proxy takes it. Invalid addresses never leave: a send is stopped before (the
 * user sees them in red), and a draft keeps the rest rather than failing to save at all.
 */
export function toOutgoingMessage(w: ComposeWindow): OutgoingMessage {
  return {
    composeId: w.composeId,
    to: recipients(w.to),
    cc: recipients(w.cc),
    bcc: recipients(w.bcc),
    subject: w.subject,
    html: w.plain ? null : w.html,
    text: w.text,
    attachments: w.attachments.flatMap((a) => (a.state === 'done' && a.uploadId ? [a.uploadId] : [])),
    ...(w.inReplyTo ? { inReplyTo: w.inReplyTo } : {}),
    ...(w.references?.length ? { references: w.references } : {}),
    ...(w.draftUid ? { draftUid: w.draftUid } : {}),
  };
}

/** True when the window holds nothing worth a draft (a blank new message). */
export function isBlank(w: ComposeWindow): boolean {
  return (
    w.to.length + w.cc.length + w.bcc.length === 0 &&
    !w.subject.trim() &&
    !w.text.trim() &&
    w.attachments.length === 0
  );
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** Plain text into the editor: paragraphs at blank lines, line breaks kept. */
export function textToHtml(text: string): string {
  const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  return paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('');
}

const BLOCKS = new Set([
  'P',
  'DIV',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'TR',
  'PRE',
  'TABLE',
  'UL',
  'OL',
]);

/**
 * The editor's HTML as plain text for the plain-text mode: one line per block, "> " before quoted
 * lines, "- " before list items, cells separated by tabs, links followed by their address.
 */
export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const lines: string[] = [];
  let line = '';
  // "- " or "1. " waiting for the list item's first text.
  let prefix = '';
  const add = (text: string) => {
    if (!text) return;
    if (!line && prefix) {
      line = prefix;
      prefix = '';
    }
    line += text;
  };
  const flush = (depth: number, blank = false) => {
    if (!line && !blank) return;
    lines.push(`${'> '.repeat(depth)}${line}`.trimEnd());
    line = '';
  };
  const walk = (node: Node, depth: number) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) {
        add((child.textContent ?? '').replace(/\s+/g, ' '));
        continue;
      }
      if (!(child instanceof Element)) continue;
      const tag = child.tagName;
      if (tag === 'BR') {
        flush(depth, true);
      } else if (tag === 'BLOCKQUOTE') {
        flush(depth);
        walk(child, depth + 1);
        flush(depth + 1);
      } else if (tag === 'LI') {
        flush(depth);
        prefix = child.parentElement?.tagName === 'OL' ? `${indexIn(child)}. ` : '- ';
        walk(child, depth);
        flush(depth);
        prefix = '';
      } else if (tag === 'TD' || tag === 'TH') {
        if (child.previousElementSibling) line += '\t';
        line += (child.textContent ?? '').replace(/\s+/g, ' ').trim();
      } else if (BLOCKS.has(tag)) {
        flush(depth);
        walk(child, depth);
        // An empty paragraph is the blank line the writer left.
        flush(depth, tag === 'P' && !child.textContent?.trim() && child.parentElement?.tagName !== 'LI');
      } else {
        walk(child, depth);
        if (tag === 'A') {
          const href = child.getAttribute('href');
          if (href && href !== child.textContent && !href.startsWith('mailto:')) add(` <${href}>`);
        }
      }
    }
  };
  walk(doc.body, 0);
  flush(0);
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function indexIn(li: Element): number {
  const start = Number(li.parentElement?.getAttribute('start') ?? 1) || 1;
  return start + Array.from(li.parentElement?.children ?? []).indexOf(li);
}

/**
 * The body a window starts with. The signature goes in once, where the user writes (above a
 * quote or a forwarded message), never into a reopened draft: it is already there.
 */
export function initialBody(
  prefill: Pick<ComposePrefill, 'html' | 'text'> | null,
  signatureHtml: string | undefined,
  reopenedDraft: boolean,
): { plain: boolean; html: string; text: string } {
  const signature = !reopenedDraft && signatureHtml?.trim() ? signatureHtml : '';
  if (prefill && prefill.html === null) {
    const sig = signature ? `\n\n-- \n${htmlToText(signature)}` : '';
    const text = reopenedDraft
      ? prefill.text
      : `${sig}${prefill.text ? `\n\n${prefill.text.replace(/^\n+/, '')}` : ''}`;
    return { plain: true, html: '', text };
  }
  const rest = prefill?.html ?? '';
  if (!signature) return { plain: false, html: rest || '<p></p>', text: prefill?.text ?? '' };
  const html = `<p></p>${signature}${rest.replace(/^<p><\/p>/, '')}`;
  return { plain: false, html, text: htmlToText(html) };
}
