import { convert } from 'html-to-text';
import sanitizeHtml from 'sanitize-html';

/**
 * What the editor may send: its own formatting and tables pasted from Word/LibreOffice, nothing
 * that runs, loads or submits. The client's editor already restricts this; the proxy does it again
 * because the client is not trusted with what leaves under the province's name.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'strike',
    'a',
    'ul',
    'ol',
    'li',
    'blockquote',
    'h1',
    'h2',
    'h3',
    'h4',
    'pre',
    'code',
    'hr',
    'span',
    'div',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'caption',
    'colgroup',
    'col',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
    ol: ['start'],
    blockquote: ['type', 'cite'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Receiving webmails drop <style>; inline borders keep pasted tables readable everywhere.
  transformTags: {
    table: sanitizeHtml.simpleTransform('table', {
      style: 'border-collapse:collapse;border:1px solid #999',
      cellpadding: '4',
    }),
    td: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, style: 'border:1px solid #999;padding:4px' },
    }),
    th: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, style: 'border:1px solid #999;padding:4px' },
    }),
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer' },
    }),
  },
};
OPTIONS.allowedAttributes = {
  ...(OPTIONS.allowedAttributes as Record<string, string[]>),
  table: ['style', 'cellpadding'],
  td: ['colspan', 'rowspan', 'style'],
  th: ['colspan', 'rowspan', 'style'],
  a: ['href', 'title', 'target', 'rel'],
};

export function sanitizeOutgoingHtml(html: string): string {
  return sanitizeHtml(html.normalize('NFC'), OPTIONS);
}

/** The text/plain alternative of an HTML body: links kept as "text [url]", tables as rows. */
export function htmlToPlainText(html: string): string {
  return convert(html, {
    wordwrap: 78,
    selectors: [
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
      { selector: 'table', format: 'dataTable' },
    ],
  }).normalize('NFC');
}

/** A full HTML document for the mail, with the charset declared. */
export function htmlDocument(body: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`;
}
