import ICAL from 'ical.js';
import type { ContactCard } from './contact-card';

/** The address book as vCard 4.0 (RFC 6350), one card per contact, lines folded at 75 octets. */
export function writeVcards(cards: ContactCard[]): string {
  return cards.map(writeVcard).join('');
}

function writeVcard(card: ContactCard): string {
  const vcard = new ICAL.Component('vcard');
  vcard.addPropertyWithValue('version', '4.0');
  vcard.addPropertyWithValue('fn', card.name || card.emails[0] || '');
  card.emails.forEach((address, i) => {
    const email = vcard.addPropertyWithValue('email', address);
    if (i === 0 && card.emails.length > 1) email.setParameter('pref', '1');
  });
  if (card.phone) vcard.addPropertyWithValue('tel', card.phone);
  if (card.organization) vcard.addPropertyWithValue('org', card.organization);
  if (card.title) vcard.addPropertyWithValue('title', card.title);
  if (card.note) vcard.addPropertyWithValue('note', card.note);
  if (card.groups.length) {
    const categories = new ICAL.Property('categories', vcard);
    categories.setValues(card.groups);
    vcard.addProperty(categories);
  }
  return `${vcard.toString().replace(/\r?\n/g, '\r\n')}\r\n`;
}
