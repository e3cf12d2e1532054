/**
 * One person as an import file describes them, before it is matched against the address book:
 * what vCard and CSV readers produce and the export writers consume. Text is NFC and trimmed.
 */
export interface ContactCard {
  name: string;
  emails: string[];
  phone: string;
  organization: string;
  title: string;
  note: string;
  /** Group names ("Lãnh đạo Sở"): vCard CATEGORIES, Gmail's "Group Membership", Outlook's "Categories". */
  groups: string[];
}

/** A card the file holds but that could not be read (the rest of the file still is). */
export interface UnreadableCard {
  /** 1-based position in the file: the card's number (vCard) or its line (CSV). */
  position: number;
  reason: 'unreadable';
}

export interface ReadCards {
  cards: { position: number; card: ContactCard }[];
  unreadable: UnreadableCard[];
}

const clean = (text: string | undefined | null) => (text ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();

/** A card with every field normalised: NFC, single spaces, addresses lower-case and unique. */
export function normaliseCard(raw: Partial<ContactCard>): ContactCard {
  const emails: string[] = [];
  for (const e of raw.emails ?? []) {
    const address = clean(e).toLowerCase();
    if (address && !emails.includes(address)) emails.push(address);
  }
  const groups: string[] = [];
  for (const g of raw.groups ?? []) {
    const name = clean(g);
    if (name && !groups.includes(name)) groups.push(name);
  }
  return {
    name: clean(raw.name),
    emails,
    phone: clean(raw.phone),
    organization: clean(raw.organization),
    title: clean(raw.title),
    // A note keeps its lines.
    note: (raw.note ?? '').normalize('NFC').trim(),
    groups,
  };
}
