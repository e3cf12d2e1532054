import { encodeWord } from 'nodemailer/lib/mime-funcs';
import {
  CLOSINGS,
  DOCUMENT_KINDS,
  FAMILY_NAMES,
  GIVEN_NAMES,
  MIDDLE_NAMES,
  PARAGRAPHS,
  TOPICS,
  UNITS,
} from './bulk-vocabulary';
import { formatRfc5322Date } from './mail-fixtures';

export interface BulkMessage {
  /** LF line ends, as Dovecot stores maildir files; convert with toCrlf for the wire. */
  raw: Buffer;
  date: Date;
  from: string;
  /** Maildir info flags, sorted as the maildir spec wants ("FRS" = flagged, replied, seen). */
  maildirFlags: string;
}

export interface BulkMessageOptions {
  recipient: string;
  count: number;
  domain: string;
  now?: Date;
  /** Messages are spread over this many days before `now`, newest last. */
  spreadDays?: number;
  /** Same seed, same mail: benchmark runs stay comparable. */
  seed?: number;
}

interface Sender {
  name: string;
  email: string;
}

/** Small, fast and deterministic; Math.random() would make benchmark mailboxes differ per run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Đ4.2a: given name + initials of family and middle names, no diacritics, đ → d. */
export function personalLocalPart(family: string, middle: string, given: string, unit: string): string {
  const ascii = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
  const initials = [family, ...middle.split(' ')].map((w) => ascii(w).charAt(0)).join('');
  return `${ascii(given)}${initials}.${unit}`;
}

function headerWord(text: string): string {
  // B-encoded words of at most 75 characters, folded one per line (RFC 2047 §2).
  return /^[\x20-\x7e]*$/.test(text) ? text : encodeWord(text, 'B', 52).split(' ').join('\n ');
}

function address(sender: Sender): string {
  return `${headerWord(sender.name)} <${sender.email}>`;
}

export function* generateBulkMessages(options: BulkMessageOptions): Generator<BulkMessage> {
  const random = mulberry32(options.seed ?? options.count);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const now = (options.now ?? new Date()).getTime();
  const spreadMs = (options.spreadDays ?? 365) * 86_400_000;
  const recent: { subject: string; messageId: string }[] = [];

  for (let i = 0; i < options.count; i++) {
    const [unit, unitName] = pick(UNITS);
    const family = pick(FAMILY_NAMES);
    const middle = pick(MIDDLE_NAMES);
    const given = pick(GIVEN_NAMES);
    const sender: Sender =
      random() < 0.2
        ? { name: unitName, email: `${unit}@${options.domain}` }
        : {
            name: `${family} ${middle} ${given}`,
            email: `${personalLocalPart(family, middle, given, unit)}@${options.domain}`,
          };
    // Evenly spread, oldest first, with jitter inside each slot; office hours mostly.
    const slot = spreadMs / options.count;
    const date = new Date(now - spreadMs + i * slot + random() * slot * 0.9);
    const messageId = `<bulk-${options.seed ?? options.count}-${i}@${unit}.${options.domain}>`;

    const parent = recent.length > 0 && random() < 0.2 ? pick(recent) : undefined;
    const subject = parent
      ? `Re: ${parent.subject.replace(/^(Re: )+/, '')}`
      : `${pick(DOCUMENT_KINDS)} số ${100 + Math.floor(random() * 4900)}/${unit.toUpperCase()} về việc ${pick(TOPICS)}`;
    recent.push({ subject, messageId });
    if (recent.length > 50) recent.shift();

    const paragraphs = Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(PARAGRAPHS));
    const text = `Kính gửi: ${options.recipient}\n\n${paragraphs.join('\n\n')}\n\n${pick(CLOSINGS)}\n\n--\n${sender.name}\n`;
    const headers = [
      `Message-ID: ${messageId}`,
      `Date: ${formatRfc5322Date(date)}`,
      `From: ${address(sender)}`,
      `To: <${options.recipient}>`,
      `Subject: ${headerWord(subject)}`,
      ...(parent ? [`In-Reply-To: ${parent.messageId}`, `References: ${parent.messageId}`] : []),
      'MIME-Version: 1.0',
    ];
    const body = random() < 0.15 ? htmlAlternative(text, i) : plainText(text);

    const seen = random() < 0.7;
    const flags = `${random() < 0.05 ? 'F' : ''}${parent && seen && random() < 0.3 ? 'R' : ''}${seen ? 'S' : ''}`;
    yield {
      raw: Buffer.from(`${headers.join('\n')}\n${body}`, 'utf8'),
      date,
      from: sender.email,
      maildirFlags: flags,
    };
  }
}

function plainText(text: string): string {
  return `Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n${text}`;
}

function htmlAlternative(text: string, i: number): string {
  const boundary = `=_bulk_alt_${i}`;
  const html = `<html><body>${text
    .split('\n\n')
    .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>')}</p>`)
    .join('\n')}</body></html>\n`;
  return [
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    plainText(text),
    `--${boundary}`,
    `Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n${html}`,
    `--${boundary}--`,
    '',
  ].join('\n');
}
