import DOMPurify from 'dompurify';
import { decodeCssEscapes, filterCss } from './css-filter';
import { ACTIVE_VALUE, CHECKED_ELSEWHERE, MAIL_ID_PREFIX, MAIL_SANITIZER_CONFIG } from './mail-allowlist';
import {
  decideImageUrl,
  decideSrcset,
  type ImageUrlOptions,
  safeLinkTarget,
  type UrlDecision,
} from './url-policy';

export interface SanitizeOptions extends ImageUrlOptions {
  /** Turns a cid: reference into a same-origin URL of the inline part, or null if unknown. */
  resolveCid: (contentId: string) => string | null;
  /** False until the user asks to see this message's (or this sender's) remote content. */
  allowRemote: boolean;
}

export interface SanitizedBody {
  html: string;
  /** How many remote resources were held back; > 0 shows the "show images" banner. */
  blockedRemote: number;
  /** How many remote resources the body references, shown or held back. */
  remote: number;
}

const LOOKS_LIKE_ADDRESS = /^\s*(?:https?:\/\/)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?:[/:?#]\S*)?\s*$/i;

export function sanitizeMailHtml(dirty: string, options: SanitizeOptions): SanitizedBody {
  let blockedRemote = 0;
  let remote = 0;
  const purifier = DOMPurify();
  const count = (decision: UrlDecision) => {
    if (decision.blockedRemote) blockedRemote++;
    if (decision.remote) remote++;
  };
  const css = (text: string) => {
    const filtered = filterCss(text, options);
    blockedRemote += filtered.blockedRemote;
    remote += filtered.remote;
    return filtered.css;
  };

  purifier.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'style' && node.textContent) node.textContent = css(node.textContent);
  });

  purifier.addHook('uponSanitizeAttribute', (node, data) => {
    const name = data.attrName;
    if (name === 'id') {
      // Before DOMPurify's own clobbering check: "mail-location" can stand for no global.
      const id = data.attrValue.trim();
      data.attrValue = id ? MAIL_ID_PREFIX + id : '';
      data.keepAttr = id !== '';
    } else if (name === 'name') {
      // A name makes img, form, embed and object globals of the document; only <map> needs one.
      const value = data.attrValue.trim();
      data.keepAttr = (node as Element).localName === 'map' && value !== '';
      data.attrValue = MAIL_ID_PREFIX + value;
    } else if (name === 'usemap') {
      const target = data.attrValue.trim().replace(/^#/, '');
      data.keepAttr = target !== '';
      data.attrValue = `#${MAIL_ID_PREFIX}${target}`;
    } else if (!CHECKED_ELSEWHERE.has(name) && ACTIVE_VALUE.test(decodeCssEscapes(data.attrValue))) {
      // The parser has undone character references (&#x75;rl( is url( here); CSS escapes too.
      data.keepAttr = false;
    }
  });

  purifier.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (el.hasAttribute('style')) {
      const style = css(el.getAttribute('style') ?? '');
      if (style.trim()) el.setAttribute('style', style);
      else el.removeAttribute('style');
    }
    if (el.hasAttribute('background')) {
      const decision = decideImageUrl(el.getAttribute('background') ?? '', options);
      count(decision);
      if (decision.value) el.setAttribute('background', decision.value);
      else el.removeAttribute('background');
    }
    if (el.hasAttribute('srcset')) {
      const decision = decideSrcset(el.getAttribute('srcset') ?? '', options);
      count(decision);
      if (decision.value) el.setAttribute('srcset', decision.value);
      else el.removeAttribute('srcset');
    }
    if (el.tagName === 'IMG') {
      const decision = decideImageUrl(el.getAttribute('src') ?? '', options);
      count(decision);
      if (decision.blockedRemote) el.setAttribute('data-blocked', 'remote');
      if (decision.value) el.setAttribute('src', decision.value);
      else el.removeAttribute('src');
    }
    if (el.tagName === 'A' || el.tagName === 'AREA') {
      const href = safeLinkTarget(el.getAttribute('href') ?? '');
      if (href && !href.startsWith('#')) {
        el.setAttribute('href', href);
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener noreferrer');
        // Show where a link really goes: phishing mail hides it behind friendly text.
        el.setAttribute('title', href);
        if (el.tagName === 'A') noteRealTarget(el, href);
      } else if (href) {
        // An in-message anchor points at the prefixed id, as the target's id now reads.
        el.setAttribute('href', href.length > 1 ? `#${MAIL_ID_PREFIX}${href.slice(1)}` : href);
        el.removeAttribute('target');
      } else {
        el.removeAttribute('href');
        el.removeAttribute('target');
      }
    } else if (el.hasAttribute('target')) {
      el.removeAttribute('target');
    }
  });

  const html = purifier.sanitize(dirty, MAIL_SANITIZER_CONFIG) as string;
  return { html, blockedRemote, remote };
}

/** A link whose text is an address other than its target gets the real host written beside it. */
function noteRealTarget(link: Element, href: string) {
  if (!href.startsWith('http') || !link.ownerDocument) return;
  const shown = LOOKS_LIKE_ADDRESS.exec(link.textContent ?? '')?.[1]?.toLowerCase();
  const real = new URL(href).hostname;
  if (!shown || shown === real || real.endsWith(`.${shown}`)) return;
  const note = link.ownerDocument.createElement('span');
  note.className = 'real-target';
  note.textContent = ` (${real})`;
  link.after(note);
}

export interface FrameOptions {
  allowRemote: boolean;
  dark: boolean;
  /** The webmail's own origin: the only place inline (cid:) images may come from. */
  origin: string;
}

/**
 * The document put into the sandboxed frame, with its own CSP as a second wall: no script, no
 * frame, no form, no request but the message's own parts until the reader allows remote content.
 */
export function frameDocument(bodyHtml: string, { allowRemote, dark, origin }: FrameOptions): string {
  const parts = `${origin}/api/mailboxes/`;
  const remote = allowRemote ? ' https: http:' : '';
  const csp = [
    "default-src 'none'",
    `img-src ${parts} data:${remote}`,
    "style-src 'unsafe-inline'",
    `font-src data:${allowRemote ? ' https:' : ''}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="referrer" content="no-referrer"><meta http-equiv="x-dns-prefetch-control" content="off"><style>
html,body{margin:0;padding:0;}
body{font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:${dark ? '#e6e6e6' : '#1f1f1f'};background:${dark ? '#1e1f22' : '#fff'};overflow-wrap:anywhere;padding:4px 2px;}
img{max-width:100%;height:auto;}
img[data-blocked]{display:inline-block;min-width:16px;min-height:16px;background:repeating-linear-gradient(45deg,#eee,#eee 4px,#ddd 4px,#ddd 8px);}
a{color:${dark ? '#8ab4f8' : '#0b57d0'};}
.real-target{color:#b3261e;font-size:.85em;}
table{max-width:100%;}
blockquote{margin:0 0 0 .8em;padding-left:.8em;border-left:3px solid #ccc;}
pre{white-space:pre-wrap;}
</style></head><body>${bodyHtml}</body></html>`;
}
