import { domainToASCII, domainToUnicode } from 'node:url';
import unhomoglyph from 'unhomoglyph';
import type { SenderWarning } from '../../common/contract/sender-trust';
import { foldVietnamese } from './fold-vietnamese';

/**
 * Warnings about who a message claims to be from. PURE, one function (senderWarnings) with a
 * table of cases beside it. Phishing is how government mailboxes get taken over: a letter "from
 * the Chủ tịch" on binhphuoc-gov.vn, or from a colleague's name on a free mailbox, must say so.
 */
export interface SenderPolicy {
  /** The province's mail domain (binhphuoc.gov.vn). */
  mailDomain: string;
  /**
   * The government's mail domains: `*.gov.vn` (any subdomain) or `binhphuoc.gov.vn` (it and its
   * subdomains). The mail domain is always one of them.
   */
  governmentDomains: string[];
  /** Titles an outside sender may not claim in a display name ("Chủ tịch", "Giám đốc Sở"). */
  officialTitles: string[];
  /** The province directory's names, keyed by comparableName(name). */
  colleagueNames: ReadonlyMap<string, string>;
}

export interface SenderInput {
  from: { name: string; address: string } | null;
  replyTo: { name: string; address: string }[];
}

export interface SenderAssessment {
  outside: boolean;
  warnings: SenderWarning[];
}

export function senderWarnings(input: SenderInput, policy: SenderPolicy): SenderAssessment {
  const from = input.from;
  if (!from) return { outside: true, warnings: [] };
  const domain = domainOf(from.address);
  const outside = !isGovernmentDomain(domain, policy);
  const warnings: SenderWarning[] = [];

  if (outside) {
    const imitated = imitatedDomain(domain, policy);
    if (imitated) {
      const unicode = domainToUnicode(domain);
      warnings.push({
        code: 'lookalike_domain',
        facts: { domain, resembles: imitated, ...(unicode && unicode !== domain ? { unicode } : {}) },
      });
    }
    const name = comparableName(from.name);
    const title = policy.officialTitles.find((t) => containsWords(name, comparableName(t)));
    if (title) warnings.push({ code: 'official_title_outside', facts: { title, address: from.address } });
    const colleague = colleagueIn(name, policy.colleagueNames);
    if (colleague)
      warnings.push({ code: 'colleague_name_outside', facts: { name: colleague, address: from.address } });
  }

  const shown = addressesIn(from.name).find((a) => a.toLowerCase() !== from.address.toLowerCase());
  if (shown) warnings.push({ code: 'address_in_name', facts: { shown, address: from.address } });

  const elsewhere = input.replyTo.find((r) => domainOf(r.address) !== domain);
  if (elsewhere)
    warnings.push({
      code: 'reply_to_other_domain',
      facts: { replyTo: elsewhere.address, domain: domainOf(elsewhere.address), fromDomain: domain },
    });

  return { outside, warnings };
}

/** The ASCII (punycode) form, lower-case, of an address's domain. */
export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  const raw = (at >= 0 ? address.slice(at + 1) : address).trim().toLowerCase().replace(/\.$/, '');
  return domainToASCII(raw) || raw;
}

export function isGovernmentDomain(
  domain: string,
  policy: Pick<SenderPolicy, 'governmentDomains' | 'mailDomain'>,
) {
  return [policy.mailDomain, ...policy.governmentDomains].some((pattern) => {
    const base = pattern.toLowerCase().replace(/^\*\./, '');
    return domain === base || domain.endsWith(`.${base}`);
  });
}

/**
 * Names and titles compared as letters only: tones and đ folded (the project's fold), then
 * confusable letters mapped to the ones they imitate (UTS #39 skeleton: Cyrillic "о" → "o").
 */
export function comparableName(text: string): string {
  // Lower-case first: the table maps capital I to l, which would make "CHU TICH" unreadable.
  return foldVietnamese(skeleton(foldVietnamese(text)))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** UTS #39 skeleton: NFD, the confusables table, NFD again; combining marks then dropped. */
function skeleton(text: string): string {
  return unhomoglyph(text.normalize('NFD')).normalize('NFD').replace(/\p{M}/gu, '');
}

const containsWords = (haystack: string, needle: string) =>
  needle.length > 0 && ` ${haystack} `.includes(` ${needle} `);

/** A colleague's full name (two words or more) within the display name. */
function colleagueIn(name: string, colleagues: ReadonlyMap<string, string>): string | null {
  if (!name) return null;
  const exact = colleagues.get(name);
  if (exact) return exact;
  for (const [key, display] of colleagues) if (key.includes(' ') && containsWords(name, key)) return display;
  return null;
}

function addressesIn(name: string): string[] {
  return name.match(/[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+\.[^\s<>"'(),;:@]{2,}/g) ?? [];
}

/**
 * The government domain an outside domain imitates, or null: it contains one with its dots
 * turned into dashes or followed by more (binhphuoc-gov.vn, binhphuoc.gov.vn.mail.com,
 * binhphuoc.gov.vn-mail.com), lies one or two edits from one (binhphuoc.gov.vm), or is one
 * written in look-alike letters (Cyrillic і, punycode xn--).
 */
function imitatedDomain(domain: string, policy: SenderPolicy): string | null {
  const forms = new Set([domain, skeleton(domainToUnicode(domain) || domain).toLowerCase()]);
  const concrete = [policy.mailDomain, ...policy.governmentDomains.filter((d) => !d.startsWith('*.'))].map(
    (d) => d.toLowerCase(),
  );
  const suffixes = policy.governmentDomains
    .filter((d) => d.startsWith('*.'))
    .map((d) => d.slice(2).toLowerCase());
  for (const form of forms) {
    const flat = form.replace(/[.\-_]/g, '');
    for (const gov of concrete) {
      if (form !== domain && isGovernmentDomain(form, { mailDomain: gov, governmentDomains: [] })) return gov;
      if (flat.includes(gov.replace(/[.\-_]/g, ''))) return gov;
      // Without its country code too: binhphuoc-gov.com, binhphuocgov.net.
      const labels = gov.split('.');
      if (labels.length >= 3 && flat.includes(labels.slice(0, -1).join(''))) return gov;
      const tail = form.split('.').slice(-gov.split('.').length).join('.');
      for (const candidate of [form, tail]) {
        const distance = editDistance(candidate, gov, 2);
        if (distance >= 1 && distance <= 2) return gov;
      }
    }
    for (const suffix of suffixes) {
      // A look-alike of the suffix itself (gov.vn in Cyrillic letters) or the suffix inside the
      // name rather than at its end (hanoi-gov.vn, mail.gov.vn.example.com).
      if (form !== domain && isGovernmentDomain(form, { mailDomain: suffix, governmentDomains: [] }))
        return `*.${suffix}`;
      if (flat.includes(suffix.replace(/[.\-_]/g, ''))) return `*.${suffix}`;
    }
  }
  return null;
}

/** Levenshtein distance, giving up (max + 1) once it must exceed max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      best = Math.min(best, current[j]!);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}
