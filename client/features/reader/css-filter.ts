import { decideImageUrl, type ImageUrlOptions } from './url-policy';

/**
 * CSS from a mail body (style elements and style attributes) with every fetch it could make
 * decided by the same rules as <img>: cid: resolved, raster data: kept, remote held back until the
 * reader allows it, relative (the webmail's own /api) dropped. @import, image-set() and boxes
 * positioned over the frame never survive: a remote stylesheet could hold anything. Rewriting works on the common spellings; a
 * second pass on the result with comments and CSS escapes undone ("\75rl(" is "url(") must find
 * nothing left to block, or the whole CSS is dropped — pattern matching fails closed.
 */
export interface FilteredCss {
  css: string;
  blockedRemote: number;
  /** Remote references met, shown or held back. */
  remote: number;
}

const COMMENT = /\/\*[\s\S]*?(?:\*\/|$)/g;
const URL_TOKEN =
  /url\(\s*(?:"((?:[^"\\\n]|\\[\s\S])*)"|'((?:[^'\\\n]|\\[\s\S])*)'|((?:[^)"'\\\s]|\\[\s\S])*))\s*\)/gi;
const IMPORT = /@import\b[^;]*(?:;|$)/gi;
const IMAGE_SET = /(?:-webkit-)?image-set\(/gi;
/** Script in CSS (old IE, old Firefox) and scheme names that have no business in a mail's CSS. */
const NEVER = /expression\s*\(|-moz-binding|behavior\s*:|javascript:|vbscript:|@import|(?<![\w-])src\(/i;
/**
 * A box lifted out of the letter's flow can lay itself over the whole frame (a fake log-in over
 * the message): fixed, absolute and sticky positions and any z-index go; the text stays in flow.
 */
const OVERLAY = /(?<![\w-])(?:position\s*:\s*(?:fixed|absolute|sticky)|z-index\s*:)[^;}]*;?/gi;
const OVERLAY_LEFT = /position\s*:\s*(?:fixed|absolute|sticky)|z-index\s*:/i;

export function decodeCssEscapes(css: string): string {
  return css
    .replace(/\\\r?\n/g, '')
    .replace(
      /\\([0-9a-f]{1,6})[ \t\n\r\f]?|\\([^\n\r\f0-9a-f])/gi,
      (_m, hex: string | undefined, ch: string) => {
        if (!hex) return ch;
        const code = Number.parseInt(hex, 16);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
      },
    );
}

export function filterCss(css: string, options: ImageUrlOptions): FilteredCss {
  const emitted = new Set<string>();
  let blockedRemote = 0;
  let remote = 0;

  const rewrite = (text: string): string => {
    let out = text.replace(COMMENT, '').replace(IMPORT, '').replace(OVERLAY, '');
    out = out.replace(
      URL_TOKEN,
      (_m, dq: string | undefined, sq: string | undefined, bare: string | undefined) => {
        const decision = decideImageUrl(decodeCssEscapes(dq ?? sq ?? bare ?? ''), options);
        if (decision.blockedRemote) blockedRemote++;
        if (decision.remote) remote++;
        if (!decision.value) return 'none';
        const quoted = decision.value.replace(/["\\\n\r]/g, encodeURIComponent);
        emitted.add(quoted);
        return `url("${quoted}")`;
      },
    );
    // image-set() takes bare strings as URLs; rarely used in mail, so never fetched, even if allowed.
    return replaceImageSets(out, (inner) => {
      if (/["']\s*(https?:|\/\/)|url\("https?:/i.test(decodeCssEscapes(inner))) {
        remote++;
        if (!options.allowRemote) blockedRemote++;
      }
      return 'none';
    });
  };

  const out = rewrite(css);
  // The fail-closed pass: whatever the rewrite missed shows up once escapes are undone.
  const probe = decodeCssEscapes(out.replace(COMMENT, ''));
  const leftover = probe.replace(URL_TOKEN, (m, dq: string | undefined) =>
    dq !== undefined && emitted.has(dq) ? '' : m,
  );
  if (/url\(/i.test(leftover) || NEVER.test(probe) || /image-set\(/i.test(probe) || OVERLAY_LEFT.test(probe))
    return { css: '', blockedRemote: blockedRemote + 1, remote: remote + 1 };
  return { css: out, blockedRemote, remote };
}

/** Replaces each image-set(…), balanced parentheses and quotes included. */
function replaceImageSets(css: string, replacer: (inner: string) => string): string {
  let result = '';
  let from = 0;
  IMAGE_SET.lastIndex = 0;
  for (let match = IMAGE_SET.exec(css); match; match = IMAGE_SET.exec(css)) {
    const start = match.index;
    const open = start + match[0].length;
    const close = matchingParen(css, open);
    result += css.slice(from, start) + replacer(css.slice(open, close));
    from = Math.min(css.length, close + 1);
    IMAGE_SET.lastIndex = from;
  }
  IMAGE_SET.lastIndex = 0;
  return result + css.slice(from);
}

function matchingParen(css: string, open: number): number {
  let depth = 1;
  let quote: string | null = null;
  for (let i = open; i < css.length; i++) {
    const c = css[i];
    if (c === '\\') i++;
    else if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return css.length;
}
