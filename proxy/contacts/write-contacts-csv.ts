import type { ContactCard } from './contact-card';

/**
 * The columns written: Outlook's names (which Gmail and Outlook both import), a full "Name" first
 * because Vietnamese names do not split into first and last the way those programs expect.
 */
const HEADER = [
  'Name',
  'E-mail Address',
  'E-mail 2 Address',
  'E-mail 3 Address',
  'Mobile Phone',
  'Company',
  'Job Title',
  'Notes',
  'Categories',
];

const quote = (cell: string) => (/[",\r\n;]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/**
 * The address book as CSV for Excel: UTF-8 with a byte order mark (without it Excel reads
 * Vietnamese as windows-1252), CRLF line ends. Three addresses per contact, as Outlook's columns
 * allow; the vCard export keeps them all.
 */
export function writeContactsCsv(cards: ContactCard[]): Buffer {
  const lines = [HEADER.join(',')];
  for (const c of cards) {
    lines.push(
      [
        c.name,
        c.emails[0] ?? '',
        c.emails[1] ?? '',
        c.emails[2] ?? '',
        c.phone,
        c.organization,
        c.title,
        c.note,
        c.groups.join(';'),
      ]
        .map(quote)
        .join(','),
    );
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}
