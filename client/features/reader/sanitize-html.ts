import DOMPurify, { type Config } from 'dompurify';

export interface SanitizeOptions {
  /** Turns a cid: reference into a same-origin URL of the inline part, or null if unknown. */
  resolveCid: (contentId: string) => string | null;
  /** False until the user asks to see this sender's remote images. */
  allowRemote: boolean;
}

export interface SanitizedBody {
  html: string;
  /** How many remote resources were held back; > 0 shows the "show images" banner. */
  blockedRemote: number;
}

const REMOTE = /^\s*(https?:)?\/\//i;
const SAFE_LINK = /^(https?:|mailto:|tel:)/i;
const SAFE_DATA_IMAGE = /^data:image\/(png|jpe?g|gif|webp|bmp);base64,/i;
const CSS_URL = /url\s*\(\s*(['"]?)(.*?)\1\s*\)/gi;

/**
 * Mail HTML is hostile by default. DOMPurify removes scripts and event handlers; this configuration
 * also removes what a mail body has no business with (forms, <base>, <meta>, SVG and MathML,
 * frames) and holds back every remote fetch (img, srcset, background, CSS url()) unless allowed,
 * so opening a message tells no tracker that it was read.
 */
const CONFIG: Config = {
  USE_PROFILES: { html: true },
  WHOLE_DOCUMENT: false,
  FORBID_TAGS: [
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'option',
    'base',
    'meta',
    'link',
    'script',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'applet',
    'svg',
    'math',
    'template',
    'portal',
    'audio',
    'video',
    'source',
    'track',
  ],
  FORBID_ATTR: ['ping', 'formaction', 'action', 'xmlns', 'lowsrc', 'dynsrc'],
  ALLOW_DATA_ATTR: false,
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:|cid:|data:image\/(?:png|jpe?g|gif|webp|bmp);base64,|#)/i,
  ADD_ATTR: ['target', 'srcset'],
};

export function sanitizeMailHtml(dirty: string, options: SanitizeOptions): SanitizedBody {
  let blockedRemote = 0;
  const purifier = DOMPurify();

  const blockCssUrls = (css: string): string =>
    css.replace(CSS_URL, (match, _q: string, url: string) => {
      if (url.startsWith('cid:')) {
        const resolved = options.resolveCid(url.slice(4));
        return resolved ? `url("${resolved}")` : 'none';
      }
      if (SAFE_DATA_IMAGE.test(url)) return match;
      if (REMOTE.test(url) && options.allowRemote) return match;
      blockedRemote++;
      return 'none';
    });

  purifier.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'style' && node.textContent) {
      // @import pulls a whole remote stylesheet: never allowed, even after "show images".
      node.textContent = blockCssUrls(node.textContent.replace(/@import[^;]*;?/gi, ''));
    }
  });

  purifier.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (el.hasAttribute('style')) el.setAttribute('style', blockCssUrls(el.getAttribute('style') ?? ''));
    if (el.hasAttribute('background')) {
      const bg = el.getAttribute('background') ?? '';
      el.removeAttribute('background');
      if (REMOTE.test(bg) && options.allowRemote) el.setAttribute('background', bg);
      else if (REMOTE.test(bg)) blockedRemote++;
    }
    if (el.hasAttribute('srcset')) {
      // Candidates other than remote images (cid:, data:) are not worth a parser of their own.
      const srcset = el.getAttribute('srcset') ?? '';
      el.removeAttribute('srcset');
      if (REMOTE.test(srcset) && options.allowRemote) el.setAttribute('srcset', srcset);
      else if (REMOTE.test(srcset)) blockedRemote++;
    }
    if (el.tagName === 'IMG') {
      const src = el.getAttribute('src') ?? '';
      if (src.toLowerCase().startsWith('cid:')) {
        const resolved = options.resolveCid(src.slice(4));
        if (resolved) el.setAttribute('src', resolved);
        else el.removeAttribute('src');
      } else if (REMOTE.test(src)) {
        if (!options.allowRemote) {
          blockedRemote++;
          el.removeAttribute('src');
          el.setAttribute('data-blocked', 'remote');
        }
      } else if (src && !SAFE_DATA_IMAGE.test(src)) {
        el.removeAttribute('src');
      }
    }
    if (el.tagName === 'A') {
      const href = el.getAttribute('href') ?? '';
      if (SAFE_LINK.test(href)) {
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener noreferrer');
        // Show where a link really goes: phishing mail hides it behind friendly text.
        el.setAttribute('title', href);
      } else if (!href.startsWith('#')) {
        el.removeAttribute('href');
      }
    } else if (el.hasAttribute('target')) {
      el.removeAttribute('target');
    }
  });

  const html = purifier.sanitize(dirty, CONFIG) as string;
  return { html, blockedRemote };
}

/** The document put into the sandboxed frame, with its own CSP as a second wall. */
export function frameDocument(bodyHtml: string, allowRemote: boolean, dark: boolean): string {
  const img = allowRemote ? "img-src 'self' data: https: http:" : "img-src 'self' data:";
  const csp = `default-src 'none'; ${img}; style-src 'unsafe-inline'; font-src data:; base-uri 'none'; form-action 'none'`;
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="referrer" content="no-referrer"><style>
html,body{margin:0;padding:0;}
body{font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:${dark ? '#e6e6e6' : '#1f1f1f'};background:${dark ? '#1e1f22' : '#fff'};overflow-wrap:anywhere;padding:4px 2px;}
img{max-width:100%;height:auto;}
img[data-blocked]{display:inline-block;min-width:16px;min-height:16px;background:repeating-linear-gradient(45deg,#eee,#eee 4px,#ddd 4px,#ddd 8px);}
a{color:${dark ? '#8ab4f8' : '#0b57d0'};}
table{max-width:100%;}
blockquote{margin:0 0 0 .8em;padding-left:.8em;border-left:3px solid #ccc;}
pre{white-space:pre-wrap;}
</style></head><body>${bodyHtml}</body></html>`;
}
