import iconv from 'iconv-lite';
import libqp from 'libqp';

/**
 * Bytes to text, in one place for mail and for the files units upload: iconv-lite decodes, and
 * every result is NFC. A mail part names its charset; a CSV does not, so its encoding is read from
 * its first bytes.
 */

/**
 * Turns raw part bytes, whose charset is named, into NFC text. Windows-1258 (common in older Vietnamese mail) writes tones
 * as combining marks, so without NFC "công" would not equal "công" for search, sorting or display.
 */
export function decodeCharset(bytes: Buffer, charset: string): string {
  const name = charset.trim().toLowerCase();
  const text = iconv.encodingExists(name) ? iconv.decode(bytes, name) : bytes.toString('utf8');
  return text.normalize('NFC');
}

/** Undoes the transfer encoding of a (possibly truncated) part body. */
export function decodeTransfer(bytes: Buffer, encoding: string): Buffer {
  switch (encoding.toLowerCase()) {
    case 'base64': {
      const clean = bytes.toString('latin1').replace(/[^A-Za-z0-9+/]/g, '');
      return Buffer.from(clean.slice(0, clean.length - (clean.length % 4)), 'base64');
    }
    case 'quoted-printable':
      return libqp.decode(bytes.toString('latin1'));
    default:
      return bytes;
  }
}

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

/**
 * The text of a file whose charset nobody named, as units make CSVs: Excel's "CSV UTF-8" (BOM),
 * LibreOffice (UTF-8, no BOM), Excel's "Unicode Text" (UTF-16LE with BOM, tab-separated), or an
 * old machine's plain "CSV", which on a Vietnamese Windows is code page 1258. Bytes that are not
 * valid UTF-8 can only be the legacy page: cp1258 decodes every byte, so it is the last resort,
 * never a guess among many. The result is NFC: cp1258 writes tones as combining marks, and names
 * pasted from macOS are NFD.
 */
export function decodeUnlabelledText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: buf.subarray(3).toString('utf8').normalize('NFC'), encoding: 'utf-8' };
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: buf.subarray(2).toString('utf16le').normalize('NFC'), encoding: 'utf-16le' };
  }
  if (buf[0] === 0xfe && buf[1] === 0xff) {
    return { text: decodeCharset(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return { text: text.normalize('NFC'), encoding: 'utf-8' };
  } catch {
    return { text: decodeCharset(buf, 'windows-1258'), encoding: 'windows-1258' };
  }
}
