import { z } from 'zod';
import { Recipient } from './compose';

/** Limits of one personal address book (a civil servant's, not a CRM). */
export const ADDRESS_BOOK_LIMITS = {
  contacts: 5000,
  groups: 200,
  emailsPerContact: 10,
  /** The largest vCard or CSV file imported at once. */
  importBytes: 2 * 1024 * 1024,
} as const;

const text = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.normalize('NFC').trim());

/** An address as completion and sending accept it (the same rule as a recipient's). */
export const ContactAddress = Recipient.shape.address;

export const ContactInput = z
  .object({
    name: text(200).pipe(z.string().min(1)),
    emails: z.array(ContactAddress).min(1).max(ADDRESS_BOOK_LIMITS.emailsPerContact),
    phone: text(50).default(''),
    organization: text(200).default(''),
    title: text(200).default(''),
    note: text(2000).default(''),
  })
  .meta({ id: 'AddressBookEntryEdit' });
export type ContactInput = z.input<typeof ContactInput>;

export const AddressBookContact = z
  .object({
    id: z.string(),
    name: z.string(),
    emails: z.array(z.string()),
    phone: z.string(),
    organization: z.string(),
    title: z.string(),
    note: z.string(),
    /** The groups this contact belongs to. */
    groupIds: z.array(z.string()),
  })
  .meta({ id: 'AddressBookContact' });
export type AddressBookContact = z.infer<typeof AddressBookContact>;

export const ContactGroupInput = z
  .object({
    name: text(100).pipe(z.string().min(1)),
    memberIds: z.array(z.string().max(100)).max(ADDRESS_BOOK_LIMITS.contacts).default([]),
  })
  .meta({ id: 'ContactGroupEdit' });
export type ContactGroupInput = z.input<typeof ContactGroupInput>;

export const ContactGroup = z
  .object({ id: z.string(), name: z.string(), memberIds: z.array(z.string()) })
  .meta({ id: 'ContactGroup' });
export type ContactGroup = z.infer<typeof ContactGroup>;

export const AddressBook = z
  .object({ contacts: z.array(AddressBookContact), groups: z.array(ContactGroup) })
  .meta({ id: 'AddressBook' });
export type AddressBook = z.infer<typeof AddressBook>;

/** The list, narrowed by a search typed with or without tones ("lanh dao" finds "Lãnh đạo"). */
export const AddressBookQuery = z.object({ q: z.string().trim().max(100).optional() });
export const ContactParams = z.object({ id: z.string().max(100) });

export const ContactImportEncoding = z.enum(['auto', 'utf-8', 'windows-1258']);
export type ContactImportEncoding = z.infer<typeof ContactImportEncoding>;

/** A vCard or CSV file, as base64, with the encoding the user chose (or auto-detection). */
export const ContactImportRequest = z
  .object({
    fileName: z.string().max(255),
    content: z.base64().max(Math.ceil((ADDRESS_BOOK_LIMITS.importBytes * 4) / 3) + 8),
    encoding: ContactImportEncoding.default('auto'),
  })
  .meta({ id: 'ContactImportRequest' });
export type ContactImportRequest = z.input<typeof ContactImportRequest>;

/** What the import does with one card of the file, and why when it does nothing. */
export const ContactImportAction = z.enum(['add', 'merge', 'skip']);
export const ContactImportSkipReason = z.enum([
  'no_address',
  'invalid_address',
  'duplicate_in_file',
  'unchanged',
  'unreadable',
  'limit_reached',
]);
export type ContactImportSkipReason = z.infer<typeof ContactImportSkipReason>;

export const ContactImportRow = z.object({
  /** The card's number (vCard) or line (CSV) in the file. */
  position: z.number().int(),
  name: z.string(),
  emails: z.array(z.string()),
  groups: z.array(z.string()),
  action: ContactImportAction,
  reason: ContactImportSkipReason.nullable(),
  /** For a merge: the contact it merges into. */
  mergeInto: z.string().nullable(),
});
export type ContactImportRow = z.infer<typeof ContactImportRow>;

export const ContactImportPreview = z
  .object({
    format: z.enum(['vcard', 'csv']),
    /** The text encoding read (CSV and vCard alike). */
    encoding: z.string(),
    rows: z.array(ContactImportRow),
    counts: z.object({ add: z.number().int(), merge: z.number().int(), skip: z.number().int() }),
  })
  .meta({ id: 'ContactImportPreview' });
export type ContactImportPreview = z.infer<typeof ContactImportPreview>;

export const ContactImportResult = z
  .object({ added: z.number().int(), merged: z.number().int(), skipped: z.number().int() })
  .meta({ id: 'ContactImportResult' });
export type ContactImportResult = z.infer<typeof ContactImportResult>;

export const ContactExportFormat = z.enum(['vcf', 'csv']);
export type ContactExportFormat = z.infer<typeof ContactExportFormat>;
