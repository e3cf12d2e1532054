import {
  ADDRESS_BOOK_LIMITS,
  type AddressBookContact,
  ContactAddress,
  type ContactGroup,
  type ContactImportPreview,
  type ContactImportRow,
} from '../../common/contract';
import type { ContactCard } from './contact-card';
import type { ContactFields } from './contacts-store';
import type { ContactsFile } from './read-contacts-file';

export interface ImportPlan {
  preview: ContactImportPreview;
  add: (ContactFields & { groups: string[] })[];
  merge: (ContactFields & { id: string; groups: string[] })[];
}

/**
 * What importing the file into this address book does, card by card: a card whose address is
 * already someone's merges into that contact (empty fields filled, new addresses and groups
 * added, nothing overwritten); a new address is added; the rest is skipped with its reason.
 * PURE.
 */
export function planImport(
  file: ContactsFile,
  existing: AddressBookContact[],
  groups: ContactGroup[] = [],
): ImportPlan {
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const byAddress = new Map<string, AddressBookContact>();
  for (const c of existing) for (const e of c.emails) byAddress.set(e, c);
  const seenInFile = new Set<string>();
  const merged = new Map<string, ContactFields & { id: string; groups: string[] }>();
  const plan: ImportPlan = {
    preview: {
      format: file.format,
      encoding: file.encoding,
      rows: [],
      counts: { add: 0, merge: 0, skip: 0 },
    },
    add: [],
    merge: [],
  };
  let room = ADDRESS_BOOK_LIMITS.contacts - existing.length;

  const row = (
    position: number,
    card: ContactCard,
    action: ContactImportRow['action'],
    reason: ContactImportRow['reason'],
    mergeInto: string | null = null,
  ) => {
    plan.preview.rows.push({
      position,
      name: card.name,
      emails: card.emails,
      groups: card.groups,
      action,
      reason,
      mergeInto,
    });
    plan.preview.counts[action]++;
  };
  const empty: ContactCard = {
    name: '',
    emails: [],
    phone: '',
    organization: '',
    title: '',
    note: '',
    groups: [],
  };

  const entries = [
    ...file.cards.map((c) => ({ ...c, unreadable: false })),
    ...file.unreadable.map((u) => ({ position: u.position, card: empty, unreadable: true })),
  ].sort((a, b) => a.position - b.position);

  for (const { position, card, unreadable } of entries) {
    if (unreadable) {
      row(position, card, 'skip', 'unreadable');
      continue;
    }
    const valid = card.emails.filter((e) => ContactAddress.safeParse(e).success);
    if (card.emails.length === 0) {
      row(position, card, 'skip', 'no_address');
      continue;
    }
    if (valid.length === 0) {
      row(position, card, 'skip', 'invalid_address');
      continue;
    }
    // Two cards for one person already in the book both merge; a new address comes once.
    if (valid.some((e) => seenInFile.has(e) && !byAddress.has(e))) {
      row(position, card, 'skip', 'duplicate_in_file');
      continue;
    }
    for (const e of valid) seenInFile.add(e);
    const clean = { ...card, emails: valid.slice(0, ADDRESS_BOOK_LIMITS.emailsPerContact) };
    const known = valid.map((e) => byAddress.get(e)).find(Boolean);
    if (known) {
      const base = merged.get(known.id) ?? {
        ...known,
        groups: known.groupIds.map((id) => groupName.get(id) ?? '').filter(Boolean),
      };
      const next = mergeInto(base, clean);
      if (!next) {
        row(position, card, 'skip', 'unchanged', known.id);
        continue;
      }
      merged.set(known.id, next);
      row(position, card, 'merge', null, known.id);
      continue;
    }
    if (room <= 0) {
      row(position, card, 'skip', 'limit_reached');
      continue;
    }
    room--;
    const { groups, ...fields } = clean;
    plan.add.push({ ...fields, name: fields.name || (valid[0] as string), groups });
    row(position, card, 'add', null);
  }
  plan.merge = [...merged.values()];
  return plan;
}

/** The contact with what the card adds; null when it adds nothing. */
function mergeInto(
  contact: ContactFields & { id: string; groups: string[] },
  card: ContactCard,
): (ContactFields & { id: string; groups: string[] }) | null {
  const emails = [...contact.emails, ...card.emails.filter((e) => !contact.emails.includes(e))].slice(
    0,
    ADDRESS_BOOK_LIMITS.emailsPerContact,
  );
  const next = {
    id: contact.id,
    name: contact.name || card.name,
    emails,
    phone: contact.phone || card.phone,
    organization: contact.organization || card.organization,
    title: contact.title || card.title,
    note: contact.note || card.note,
    groups: [...new Set([...contact.groups, ...card.groups])],
  };
  const changed =
    next.emails.length !== contact.emails.length ||
    next.groups.length !== contact.groups.length ||
    (['name', 'phone', 'organization', 'title', 'note'] as const).some((k) => next[k] !== contact[k]);
  return changed ? next : null;
}
