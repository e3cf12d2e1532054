import { convert as htmlToText } from 'html-to-text';
import iconv from 'iconv-lite';
import libqp from 'libqp';

/**
 * Turns raw part bytes into NFC text. Windows-1258 (common in older Vietnamese mail) writes tones
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

const PREVIEW_CHARS = 160;

/** A one-line preview for the message list: no markup, no quoted reply chains, no URLs' noise. */
export function previewText(text: string, type: 'text/plain' | 'text/html'): string {
  const plain =
    type === 'text/html'
      ? htmlToText(text, {
          wordwrap: false,
          selectors: [
            { selector: 'a', options: { ignoreHref: true } },
            { selector: 'img', format: 'skip' },
            { selector: 'style', format: 'skip' },
            { selector: 'head', format: 'skip' },
          ],
        })
      : text;
  const lines = plain.split(/\r?\n/).filter((l) => !l.trimStart().startsWith('>'));
  const oneLine = lines
    .join(' ')
    .replace(/\uFFFD+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
  return oneLine.length > PREVIEW_CHARS ? `${oneLine.slice(0, PREVIEW_CHARS - 1)}…` : oneLine;
}
