import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

/**
 * The text of a CSV as units make it: Excel's "CSV UTF-8" (BOM), LibreOffice (UTF-8, no BOM),
 * Excel's "Unicode Text" (UTF-16LE with BOM, tab-separated), or an old machine's plain "CSV",
 * which on a Vietnamese Windows is code page 1258. Bytes that are not valid UTF-8 can only be
 * the legacy page: cp1258 decodes every byte, so it is the last resort, never a guess among many.
 * The result is NFC: cp1258 writes tones as combining marks, and names pasted from macOS are NFD.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let decoded: { text: string; encoding: TextEncoding };
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    decoded = { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  } else if (buf[0] === 0xff && buf[1] === 0xfe) {
    decoded = { text: buf.subarray(2).toString('utf16le'), encoding: 'utf-16le' };
  } else if (buf[0] === 0xfe && buf[1] === 0xff) {
    decoded = { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  } else {
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
    } catch {
      decoded = { text: iconv.decode(buf, 'windows-1258'), encoding: 'windows-1258' };
    }
  }
  return { text: decoded.text.normalize('NFC'), encoding: decoded.encoding };
}

const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * Excel writes ";" where the system's list separator is ";" (a Vietnamese or European locale),
 * "," elsewhere, tab for "Unicode Text". The one that splits the first lines into the most
 * columns, counted outside quotes, is the file's.
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = text
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, 10);
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    let count = 0;
    for (const line of lines) {
      let quoted = false;
      for (const ch of line) {
        if (ch === '"') quoted = !quoted;
        else if (ch === d && !quoted) count++;
      }
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}
