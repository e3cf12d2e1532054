/**
 * What a URL in a mail body is, judged the way the browser will read it (not the way it is
 * written): leading/trailing controls and spaces stripped, tabs and newlines removed anywhere,
 * backslashes read as slashes, "https:host" and "//host" both remote.
 */
export type UrlKind = 'cid' | 'data-image' | 'remote' | 'other';

const SAFE_DATA_IMAGE = /^data:image\/(png|jpe?g|gif|webp|bmp);base64,[a-z0-9+/=\s]*$/i;

export function normaliseUrl(raw: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the URL parser strips exactly these
  return raw.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

export function urlKind(raw: string): UrlKind {
  const url = normaliseUrl(raw);
  if (/^cid:/i.test(url)) return 'cid';
  if (SAFE_DATA_IMAGE.test(url)) return 'data-image';
  if (/^https?:/i.test(url) || /^[\\/]{2}/.test(url)) return 'remote';
  return 'other';
}

/** The absolute http(s) URL the browser would fetch, or null if it would not be http(s). */
export function canonicalRemote(raw: string): string | null {
  try {
    const url = new URL(normaliseUrl(raw).replace(/\\/g, '/'), 'https://base.invalid/');
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== 'base.invalid')
      return url.href;
  } catch {
    // not a URL the browser could fetch either
  }
  return null;
}

export function contentIdOf(raw: string): string {
  return decodeURIComponent(normaliseUrl(raw).slice(4)).replace(/^<|>$/g, '');
}

/** Links the reader may follow: the web, mail and phone, nothing that runs or reads local files. */
export function safeLinkTarget(raw: string): string | null {
  const url = normaliseUrl(raw);
  if (/^#[\w-]*$/.test(url)) return url;
  if (/^(mailto|tel):/i.test(url)) return /[<>"\s]/.test(url) ? null : url;
  if (urlKind(url) === 'remote') return canonicalRemote(url);
  return null;
}

export interface UrlDecision {
  /** The value to write back, or null to drop the attribute. */
  value: string | null;
  /** True when a remote fetch was held back (counts towards the "show images" banner). */
  blockedRemote: boolean;
  /** True when the URL is remote, shown or held back. */
  remote?: boolean;
}

export interface ImageUrlOptions {
  allowRemote: boolean;
  resolveCid: (contentId: string) => string | null;
}

/** An image source: cid: becomes the same-origin part URL, remote waits for consent, the rest goes. */
export function decideImageUrl(raw: string, options: ImageUrlOptions): UrlDecision {
  switch (urlKind(raw)) {
    case 'cid':
      return { value: options.resolveCid(contentIdOf(raw)), blockedRemote: false };
    case 'data-image':
      return { value: normaliseUrl(raw), blockedRemote: false };
    case 'remote': {
      const href = canonicalRemote(raw);
      if (!href) return { value: null, blockedRemote: false };
      return options.allowRemote
        ? { value: href, blockedRemote: false, remote: true }
        : { value: null, blockedRemote: true, remote: true };
    }
    default:
      // Relative URLs would resolve against the webmail itself (/api/…): never fetched from mail.
      return { value: null, blockedRemote: false };
  }
}

/** srcset, candidate by candidate: "url 2x, url 400w". */
export function decideSrcset(raw: string, options: ImageUrlOptions): UrlDecision {
  let blockedRemote = false;
  let remote = false;
  const kept: string[] = [];
  for (const candidate of raw.split(/,(?=\s|$)|,(?=[a-z]+:)/i)) {
    const [url, ...descriptor] = candidate.trim().split(/\s+/);
    if (!url) continue;
    const decision = decideImageUrl(url, options);
    blockedRemote ||= decision.blockedRemote;
    remote ||= Boolean(decision.remote);
    const desc = descriptor.filter((d) => /^\d+(\.\d+)?[wx]$/i.test(d)).join(' ');
    // Canonical hrefs and data: URLs hold no whitespace, so each candidate stays one candidate.
    if (decision.value) kept.push(desc ? `${decision.value} ${desc}` : decision.value);
  }
  return { value: kept.length ? kept.join(', ') : null, blockedRemote, remote };
}
