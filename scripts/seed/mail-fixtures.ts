import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The hand-written .eml fixtures, read as bytes: one of them is windows-1258, so nothing here
 * decodes a whole message as UTF-8. Header edits go through latin1, which maps bytes 1:1.
 */
export const MAIL_FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'mail');

const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MINUTES = 7 * 60;

/** A fixture with CRLF line ends, as SMTP, LMTP and IMAP APPEND expect. */
export function readMailFixture(file: string, dir: string = MAIL_FIXTURES_DIR): Buffer {
  return toCrlf(readFileSync(join(dir, file)));
}

export function toCrlf(raw: Buffer): Buffer {
  return Buffer.from(raw.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
}

function splitHeader(raw: Buffer): { header: string; rest: Buffer } {
  const end = raw.indexOf('\r\n\r\n');
  const cut = end < 0 ? raw.length : end + 2;
  return { header: raw.subarray(0, cut).toString('latin1'), rest: raw.subarray(cut) };
}

/** The first top-level header with that name, unfolded; undefined when absent. */
export function headerValue(raw: Buffer, name: string): string | undefined {
  const { header } = splitHeader(raw);
  const match = new RegExp(`^${name}:[ \\t]*((?:.*)(?:\\r\\n[ \\t].*)*)`, 'im').exec(header);
  return match?.[1]?.replace(/\r\n[ \t]+/g, ' ').trim();
}

export function messageDate(raw: Buffer): Date {
  const value = headerValue(raw, 'Date');
  const date = value ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw new Error(`fixture has no valid Date header: ${value}`);
  return date;
}

export function messageIdOf(raw: Buffer): string | undefined {
  return headerValue(raw, 'Message-ID');
}

/** The From address, used as the LMTP envelope sender so Return-Path looks like real mail. */
export function envelopeSenderOf(raw: Buffer): string {
  const from = headerValue(raw, 'From') ?? '';
  const angle = /<([^<>@\s]+@[^<>\s]+)>/.exec(from);
  const bare = /([^\s<>"]+@[^\s<>"]+)/.exec(from);
  return angle?.[1] ?? bare?.[1] ?? '';
}

/** Replaces the top-level Date header; a forwarded message/rfc822 part keeps its own. */
export function withMessageDate(raw: Buffer, date: Date): Buffer {
  const { header, rest } = splitHeader(raw);
  const replaced = header.replace(/^Date:[^\r\n]*(\r\n[ \t][^\r\n]*)*/im, `Date: ${formatRfc5322Date(date)}`);
  return Buffer.concat([Buffer.from(replaced, 'latin1'), rest]);
}

/**
 * Whole days to add to every fixture so that the newest lands on the last day before `now`:
 * the demo mailbox always looks like the last few weeks, at the same times of day.
 */
export function dateShiftDays(dates: Date[], now: Date): number {
  const newest = Math.max(...dates.map((d) => d.getTime()));
  return Math.floor((now.getTime() - newest) / DAY_MS);
}

export function shiftDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 date in a fixed offset (Vietnam, +0700, by default). */
export function formatRfc5322Date(date: Date, offsetMinutes: number = VIETNAM_OFFSET_MINUTES): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return (
    `${WEEKDAYS[local.getUTCDay()]}, ${pad(local.getUTCDate())} ${MONTHS[local.getUTCMonth()]} ` +
    `${local.getUTCFullYear()} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:` +
    `${pad(local.getUTCSeconds())} ${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
  );
}
