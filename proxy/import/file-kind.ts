/**
 * What an uploaded file is, read from its first bytes (the name can lie, and a user's ".eml" saved
 * by another program may be an mbox): a ZIP archive, an mbox, one RFC 5322 message, or not mail.
 */
export type FileKind = 'zip' | 'mbox' | 'eml' | 'not_mail';

/** Bytes read before deciding: enough for a long header section's first fields. */
export const KIND_PREFIX_BYTES = 16 * 1024;

const ZIP_SIGNATURES = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('PK\x05\x06', 'latin1')];
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** A header field name: printable US-ASCII except the colon (RFC 5322 §2.2). */
const FIELD = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;
/** Fields that every real message has at least one of (others, such as X-…, prove nothing alone). */
const MAIL_FIELD =
  /^(from|date|subject|message-id|received|return-path|mime-version|to|delivered-to)[ \t]*:/i;
const ENVELOPE = /^From \S+ +.*(?:\d{4}|\d{1,2}:\d{2})/;

export function detectFileKind(prefix: Buffer): FileKind {
  if (ZIP_SIGNATURES.some((sig) => prefix.subarray(0, sig.length).equals(sig))) return 'zip';
  const start = prefix.subarray(0, UTF8_BOM.length).equals(UTF8_BOM) ? UTF8_BOM.length : 0;
  const text = prefix.subarray(start).toString('latin1');
  const lines = text.replace(/^(?:\r?\n)+/, '').split(/\r?\n/);
  // The last line may be cut by the prefix's end; judge only whole ones (unless the file is that short).
  const whole = lines.length > 1 ? lines.slice(0, -1) : lines;
  if (whole.length === 0 || whole[0] === undefined) return 'not_mail';
  if (ENVELOPE.test(whole[0])) return looksLikeHeaders(whole.slice(1)) ? 'mbox' : 'not_mail';
  return looksLikeHeaders(whole) ? 'eml' : 'not_mail';
}

/** A header section: field lines and their folded continuations up to a blank line, one mail field. */
export function looksLikeHeaders(lines: readonly string[]): boolean {
  let fields = 0;
  let mailFields = 0;
  for (const line of lines) {
    if (line === '') break;
    if (line.includes('\0')) return false;
    if (/^[ \t]/.test(line)) {
      if (fields === 0) return false;
      continue;
    }
    if (!FIELD.test(line)) return false;
    fields++;
    if (MAIL_FIELD.test(line)) mailFields++;
  }
  return mailFields > 0;
}
