import { parse } from 'csv-parse/sync';
import { detectDelimiter } from '../console/import/csv-delimiter';
import { foldVietnamese } from '../policy/fold-vietnamese';
import { type ContactCard, normaliseCard, type ReadCards } from './contact-card';

/**
 * Column names, folded, as Outlook ("E-mail Address", "Job Title", "Categories"), Gmail (old:
 * "Name", "E-mail 1 - Value", "Group Membership"; new: "Organization Name", "Labels") and people
 * typing a list in Vietnamese write them. A column may be known by several names.
 */
const COLUMNS = {
  name: ['name', 'display name', 'ho va ten', 'ho ten', 'ten', 'full name'],
  first: ['first name', 'given name'],
  middle: ['middle name', 'additional name'],
  last: ['last name', 'family name'],
  email: [
    'e-mail address',
    'e-mail 2 address',
    'e-mail 3 address',
    'email',
    'e-mail',
    'email address',
    'thu dien tu',
    'dia chi thu',
  ],
  phone: [
    'mobile phone',
    'business phone',
    'home phone',
    'primary phone',
    'phone',
    'dien thoai',
    'so dien thoai',
  ],
  organization: [
    'company',
    'organization name',
    'organization 1 - name',
    'organization',
    'don vi',
    'co quan',
  ],
  title: ['job title', 'organization title', 'organization 1 - title', 'chuc vu'],
  note: ['notes', 'note', 'ghi chu'],
  groups: ['categories', 'group membership', 'labels', 'nhom'],
} as const;
type Field = keyof typeof COLUMNS;

/** Gmail's "E-mail 1 - Value", "Phone 2 - Value": numbered value columns. */
const GMAIL_VALUE = /^(e-mail|phone) \d+ - value$/;

/**
 * Contacts from a CSV already decoded to text (the caller found its encoding): one card per row
 * under a header naming at least a name or an address column. Returns null when no such header
 * is found in the first lines (the file is not a contact list). PURE.
 */
export function readContactsCsv(text: string): ReadCards | null {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      delimiter: detectDelimiter(text),
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch {
    return null;
  }
  const headerAt = records.slice(0, 5).findIndex((r) => columnsOf(r.record).size > 0);
  if (headerAt < 0) return null;
  const columns = columnsOf(records[headerAt]!.record);
  const out: ReadCards = { cards: [], unreadable: [] };
  for (const { record, info } of records.slice(headerAt + 1)) {
    if (record.every((c) => c.trim() === '')) continue;
    out.cards.push({ position: info.lines, card: cardOf(record, columns) });
  }
  return out;
}

function columnsOf(header: string[]): Map<Field, number[]> {
  const found = new Map<Field, number[]>();
  header.forEach((cell, i) => {
    const folded = foldVietnamese(cell);
    for (const [field, names] of Object.entries(COLUMNS) as [Field, readonly string[]][]) {
      const gmail = GMAIL_VALUE.exec(folded);
      const matches =
        (names as readonly string[]).includes(folded) ||
        (gmail &&
          ((field === 'email' && gmail[1] === 'e-mail') || (field === 'phone' && gmail[1] === 'phone')));
      if (matches) found.set(field, [...(found.get(field) ?? []), i]);
    }
  });
  // A header needs a name or an address: "Ghi chú" alone is not a contact list.
  return found.has('name') || found.has('first') || found.has('last') || found.has('email')
    ? found
    : new Map();
}

/** Gmail joins several values of one cell with " ::: " and marks its own groups with "* ". */
const splitGmail = (cell: string) =>
  cell
    .split(/\s*:::\s*|\s*;\s*/)
    .map((s) => s.trim())
    .filter(Boolean);

function cardOf(record: string[], columns: Map<Field, number[]>): ContactCard {
  const cells = (field: Field) =>
    (columns.get(field) ?? []).map((i) => (record[i] ?? '').trim()).filter(Boolean);
  const one = (field: Field) => cells(field)[0] ?? '';
  // Vietnamese names are written family name first: Last (Trần), Middle (Văn), First (Thành).
  const name = one('name') || [one('last'), one('middle'), one('first')].filter(Boolean).join(' ');
  return normaliseCard({
    name,
    emails: cells('email').flatMap(splitGmail),
    phone: one('phone'),
    organization: one('organization'),
    title: one('title'),
    note: one('note'),
    groups: cells('groups')
      .flatMap(splitGmail)
      .filter((g) => !g.startsWith('*')),
  });
}
