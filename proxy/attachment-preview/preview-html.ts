import sanitizeHtml from 'sanitize-html';

/**
 * What leaves the proxy of a converted document: the plain structure a letter needs (paragraphs,
 * headings, lists, tables, emphasis, links) and pictures only as the embedded data the converter
 * produced. Anything else — a linked picture, a stray attribute, a script a converter let through —
 * is dropped here, and the client's mail sanitiser judges the result again before the frame.
 */
const TAGS = [
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'br',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'a',
  'img',
  'blockquote',
  'pre',
  'code',
];

/** Pictures: raster types a browser shows, as data: URLs, each at most this long. */
const IMAGE_URL = /^data:image\/(png|jpeg|gif|webp|bmp);base64,[A-Za-z0-9+/=]+$/;
export const MAX_IMAGE_URL_LENGTH = 8 * 1024 * 1024;

export function cleanConvertedHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: TAGS,
    allowedAttributes: {
      a: ['href', 'id'],
      img: ['src', 'alt'],
      table: ['border', 'cellpadding', 'cellspacing', 'style'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan'],
      // Footnotes and bookmarks link inside the document.
      li: ['id'],
      p: ['id'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    // Word's table borders are styles mammoth does not carry over: a grid keeps a table readable.
    transformTags: {
      table: sanitizeHtml.simpleTransform('table', {
        border: '1',
        cellpadding: '4',
        cellspacing: '0',
        style: 'border-collapse:collapse',
      }),
    },
    allowedSchemesByTag: { img: ['data'] },
    allowProtocolRelative: false,
    exclusiveFilter: (frame) =>
      frame.tag === 'img' &&
      !(IMAGE_URL.test(frame.attribs.src ?? '') && (frame.attribs.src ?? '').length <= MAX_IMAGE_URL_LENGTH),
  });
}

/** Text for HTML: every cell value and sheet name is the sender's text, never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
