import { createHash } from 'node:crypto';

/**
 * What makes two messages "the same" for a migration (Đ8.2d): the Message-ID, the internal date
 * (to the second, as IMAP keeps it) and the size. A message without Message-ID (old scanners and
 * some mailing programs send such) is recognised by its Date, From and Subject headers instead.
 * The key is computed alike on both servers, so a rerun, or a crash between an APPEND and its
 * record, copies nothing twice.
 */
export interface MessageFingerprint {
  messageId?: string | null;
  internalDate: Date | string | number;
  size: number;
  /** The Date header, and the envelope's sender and subject: the fallback without Message-ID. */
  date?: Date | string | null;
  from?: string | null;
  subject?: string | null;
}

const seconds = (d: Date | string | number) => Math.floor(new Date(d).getTime() / 1000);

export function dedupeKey(m: MessageFingerprint): string {
  const when = `${seconds(m.internalDate)}|${m.size}`;
  const id = m.messageId?.trim().replace(/^<|>$/g, '');
  if (id) return `id:${id}|${when}`;
  const header = [
    m.date ? seconds(m.date) : '',
    (m.from ?? '').toLowerCase(),
    (m.subject ?? '').normalize('NFC'),
  ].join('\u0000');
  return `h:${createHash('sha256').update(header).digest('base64url').slice(0, 22)}|${when}`;
}
