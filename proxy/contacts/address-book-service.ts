import type { ContactImportPreview, ContactImportRequest, ContactImportResult } from '../../common/contract';
import { ADDRESS_BOOK_LIMITS } from '../../common/contract';
import type { ContactInput } from '../../common/contract/contacts';
import { ApiError } from '../errors';
import type { ContactCard } from './contact-card';
import type { ContactFields, ContactsStore } from './contacts-store';
import { planImport } from './plan-import';
import { readContactsFile } from './read-contacts-file';

type ParsedInput = { [K in keyof ContactFields]-?: ContactFields[K] };

/** A contact as validated by the contract (defaults filled), as the store keeps it. */
export const fieldsOf = (input: ContactInput & ParsedInput): ContactFields => ({
  name: input.name,
  emails: [...new Set(input.emails)],
  phone: input.phone,
  organization: input.organization,
  title: input.title,
  note: input.note,
});

export async function createContact(store: ContactsStore, owner: string, fields: ContactFields) {
  if ((await store.count(owner)) >= ADDRESS_BOOK_LIMITS.contacts) {
    throw new ApiError('contacts_limit_reached', { limit: ADDRESS_BOOK_LIMITS.contacts });
  }
  return store.create(owner, fields);
}

async function planFor(store: ContactsStore, owner: string, request: ContactImportRequest) {
  const bytes = new Uint8Array(Buffer.from(request.content, 'base64'));
  const file = readContactsFile(bytes, request.encoding ?? 'auto');
  return planImport(file, await store.list(owner), await store.groups(owner));
}

/** What importing the file would do; changes nothing. */
export async function previewImport(
  store: ContactsStore,
  owner: string,
  request: ContactImportRequest,
): Promise<ContactImportPreview> {
  return (await planFor(store, owner, request)).preview;
}

/** Reads the file again (the client keeps it, the proxy keeps nothing between the two) and applies it whole. */
export async function importContacts(
  store: ContactsStore,
  owner: string,
  request: ContactImportRequest,
): Promise<ContactImportResult> {
  const plan = await planFor(store, owner, request);
  await store.applyImport(owner, plan);
  return { added: plan.add.length, merged: plan.merge.length, skipped: plan.preview.counts.skip };
}

/** Every contact with the names of its groups, for the export writers. */
export async function exportCards(store: ContactsStore, owner: string): Promise<ContactCard[]> {
  const [contacts, groups] = await Promise.all([store.list(owner), store.groups(owner)]);
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  return contacts.map((c) => ({
    name: c.name,
    emails: c.emails,
    phone: c.phone,
    organization: c.organization,
    title: c.title,
    note: c.note,
    groups: c.groupIds.map((id) => groupName.get(id) ?? '').filter(Boolean),
  }));
}
