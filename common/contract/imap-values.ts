import { z } from 'zod';

/**
 * A folder's full IMAP name as a request carries it. IMAP cannot carry CR, LF or NUL in a name
 * (imapflow rightly refuses to send them) and no folder has other control characters, so such a
 * name is a bad request (400), not a server error.
 */
export const MailboxName = z
  .string()
  .min(1)
  .max(1000)
  .refine((s) => !hasControlCharacter(s), { message: 'control_characters' });

/** C0 controls and DEL, which no IMAP name holds (CR, LF and NUL cannot even be sent). */
export function hasControlCharacter(s: string): boolean {
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** An IMAP UID: a non-zero 32-bit unsigned number (RFC 3501 nz-number). */
export const ImapUid = z.number().int().min(1).max(4_294_967_295);
/** The same, from a path or a query string. */
export const ImapUidText = z.coerce.number().int().min(1).max(4_294_967_295);
