/**
 * Đ12.9, Đ13.5: official mail may not be handled through public free mail services, so a filter
 * may not forward (redirect) a copy there. PURE. A pattern is a domain ("gmail.com"), a domain with
 * any last label ("gmx.*" covers gmx.net, gmx.de, …) or "*.example.com" (any subdomain). Forwarding
 * inside the province's domains, or to any domain not listed, is allowed.
 */
export const DEFAULT_FORWARD_REFUSED_DOMAINS: readonly string[] = [
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.com.vn',
  'ymail.com',
  'outlook.com',
  'outlook.com.vn',
  'hotmail.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'gmx.*',
  'mail.ru',
  'yandex.*',
  'zoho.com',
  'mail.com',
  'tutanota.com',
  'qq.com',
  '163.com',
];

export type ForwardCheck =
  | { ok: true }
  | { ok: false; reason: 'invalid_address' }
  | { ok: false; reason: 'refused_domain'; domain: string };

const ADDRESS_RE = /^[^\s@<>(),;:"]+@([a-z0-9-]+(\.[a-z0-9-]+)+)$/i;

export function checkForwardAddress(address: string, refused: readonly string[]): ForwardCheck {
  const m = ADDRESS_RE.exec(address.trim());
  if (!m) return { ok: false, reason: 'invalid_address' };
  const domain = (m[1] as string).toLowerCase();
  return refused.some((pattern) => domainMatches(domain, pattern.trim().toLowerCase()))
    ? { ok: false, reason: 'refused_domain', domain }
    : { ok: true };
}

function domainMatches(domain: string, pattern: string): boolean {
  if (!pattern) return false;
  if (pattern.startsWith('*.')) return domain.endsWith(pattern.slice(1)) || domain === pattern.slice(2);
  if (pattern.endsWith('.*')) {
    const stem = pattern.slice(0, -1);
    return domain.startsWith(stem) && !domain.slice(stem.length).includes('.');
  }
  return domain === pattern || domain.endsWith(`.${pattern}`);
}
