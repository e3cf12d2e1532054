import ICAL from 'ical.js';
import { type ContactCard, normaliseCard, type ReadCards } from './contact-card';
import { normaliseVcardText } from './vcard-lines';

/** True when the text looks like vCard rather than CSV. */
export const looksLikeVcard = (text: string) => /^\s*(\uFEFF)?BEGIN:VCARD/i.test(text);

/**
 * Every card of a .vcf (RFC 6350 4.0, 3.0 as Gmail and phones write it, 2.1 as Outlook does),
 * each parsed on its own: one broken card is reported by its number, the others are read.
 */
export function readVcards(text: string): ReadCards {
  const blocks = text.match(/BEGIN:VCARD[\s\S]*?END:VCARD/gi) ?? [];
  const out: ReadCards = { cards: [], unreadable: [] };
  blocks.forEach((block, i) => {
    const position = i + 1;
    try {
      const parsed = ICAL.parse(normaliseVcardText(block)) as unknown[];
      const jcard = (typeof parsed[0] === 'string' ? parsed : parsed[0]) as unknown[];
      out.cards.push({ position, card: cardOf(new ICAL.Component(jcard as never)) });
    } catch {
      out.unreadable.push({ position, reason: 'unreadable' });
    }
  });
  return out;
}

// ical.js leaves "\;" escaped in 3.0 text values (only structured values split on it).
const textOf = (value: unknown): string =>
  Array.isArray(value)
    ? value.map(textOf).filter(Boolean).join(' ')
    : value == null
      ? ''
      : String(value).replace(/\\;/g, ';');

function cardOf(vcard: ICAL.Component): ContactCard {
  const first = (name: string) => textOf(vcard.getFirstPropertyValue(name));
  const all = (name: string) => vcard.getAllProperties(name);
  let name = first('fn');
  if (!name.trim()) {
    // N is family;given;additional;prefix;suffix: Vietnamese names read family, middle, given.
    const n = vcard.getFirstPropertyValue('n');
    if (Array.isArray(n)) name = [n[3], n[0], n[2], n[1]].map(textOf).filter(Boolean).join(' ');
  }
  // The preferred number first (TYPE=pref in 3.0, PREF=1 in 4.0), else the first written.
  const phones = all('tel');
  const preferred =
    phones.find((p) => {
      const type = p.getParameter('type');
      const types = (Array.isArray(type) ? type : [type]).map((t) => String(t ?? '').toLowerCase());
      return types.includes('pref') || p.getParameter('pref') === '1';
    }) ?? phones[0];
  const org = vcard.getFirstPropertyValue('org');
  return normaliseCard({
    name,
    emails: all('email').map((p) => textOf(p.getFirstValue()).replace(/^mailto:/i, '')),
    phone: preferred ? textOf(preferred.getFirstValue()).replace(/^tel:/i, '') : '',
    organization: Array.isArray(org) ? org.map(textOf).filter(Boolean).join(', ') : textOf(org),
    title: first('title'),
    note: first('note'),
    groups: all('categories').flatMap((p) => p.getValues().map(textOf)),
  });
}
