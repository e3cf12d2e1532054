import { ADDRESS_BOOK_LIMITS, type ContactImportEncoding } from '../../common/contract';
import { ApiError } from '../errors';
import { decodeCharset, decodeUnlabelledText } from '../mail/text-decoding';
import type { ReadCards } from './contact-card';
import { readContactsCsv } from './read-contacts-csv';
import { looksLikeVcard, readVcards } from './read-vcard';

export interface ContactsFile extends ReadCards {
  format: 'vcard' | 'csv';
  encoding: string;
}

/**
 * A vCard or CSV file as the user picked it: the encoding found (UTF-8 with or without a BOM,
 * UTF-16, else windows-1258) unless the user named one, then the cards. Throws
 * contacts_file_too_large, contacts_file_unreadable (a binary file, or text that is neither a
 * vCard nor a CSV with a name or address column) or contacts_file_empty.
 */
export function readContactsFile(bytes: Uint8Array, encoding: ContactImportEncoding): ContactsFile {
  if (bytes.byteLength > ADDRESS_BOOK_LIMITS.importBytes) {
    throw new ApiError('contacts_file_too_large', {
      limit: `${ADDRESS_BOOK_LIMITS.importBytes / 1024 / 1024} MB`,
    });
  }
  if (bytes.byteLength === 0) throw new ApiError('contacts_file_empty');
  // A binary file (an .xlsx, a photo) is not a list, whatever windows-1258 would make of it.
  if (bytes.subarray(0, 4096).includes(0) && !(bytes[0] === 0xff || bytes[0] === 0xfe)) {
    throw new ApiError('contacts_file_unreadable');
  }
  const decoded =
    encoding === 'auto'
      ? decodeUnlabelledText(bytes)
      : {
          text: decodeCharset(Buffer.from(bytes).subarray(hasBom(bytes) ? 3 : 0), encoding),
          encoding,
        };
  const text = decoded.text;
  if (looksLikeVcard(text)) {
    const read = readVcards(text);
    if (read.cards.length + read.unreadable.length === 0) throw new ApiError('contacts_file_unreadable');
    return { format: 'vcard', encoding: decoded.encoding, ...read };
  }
  const read = readContactsCsv(text);
  if (!read) throw new ApiError('contacts_file_unreadable');
  if (read.cards.length === 0) throw new ApiError('contacts_file_empty');
  return { format: 'csv', encoding: decoded.encoding, ...read };
}

const hasBom = (b: Uint8Array) => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
