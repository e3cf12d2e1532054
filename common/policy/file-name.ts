/**
 * File names from mail (and from uploads) as they may be shown and sent, PURE. A name is the
 * sender's text: bidi overrides and isolates turn "…‮fdp.exe" into what reads "…exe.pdf",
 * zero-width and other invisible format characters hide what is there, control characters break
 * headers, and a long run of spaces pushes the real extension out of sight. All of those go; path
 * parts and the characters Windows refuses become safe; a leading dot (a hidden file) goes; a name
 * too long is cut in its stem, never in its extension.
 */

/** Invisible format characters (Unicode Cf): bidi controls (U+202A–202E, U+2066–2069, U+200E/F,
 * U+061C), zero-width (U+200B–200D, U+2060, U+FEFF), soft hyphen, tags… */
const FORMAT = /\p{Cf}/gu;
/** Control characters and line/paragraph separators: never part of a name. */
const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}]/gu;
/** Every kind of space (no-break, ideographic, thin…) counts as one ordinary space. */
const SPACES = /[\s\p{Zs}]+/gu;
const WINDOWS_FORBIDDEN = /[:*?"<>|]/g;
const MAX_LENGTH = 200;
const MAX_EXTENSION = 16;

export const FALLBACK_FILE_NAME = 'tep-dinh-kem';

export function safeFileName(raw: string, fallback: string = FALLBACK_FILE_NAME): string {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(FORMAT, '')
    .replace(CONTROL, ' ')
    .replace(SPACES, ' ')
    .replace(WINDOWS_FORBIDDEN, '_')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '')
    // A space left before a dot ("Biên bản .pdf") only hides where the name ends.
    .replace(/ \./g, '.');
  if (clean === '') return fallback;
  return clean.length <= MAX_LENGTH ? clean : shorten(clean);
}

function shorten(name: string): string {
  const ext = fileExtension(name);
  const tail = ext && ext.length <= MAX_EXTENSION ? `.${name.slice(name.length - ext.length)}` : '';
  const stem = Array.from(name.slice(0, name.length - tail.length))
    .slice(0, MAX_LENGTH - tail.length - 1)
    .join('')
    .trimEnd();
  return `${stem}…${tail}`;
}

/** The real last extension of a (safe) name, lower case, or null: what a file will open as. */
export function fileExtension(name: string): string | null {
  const match = /\.([^.\s]{1,16})$/u.exec(name);
  return match ? match[1]!.toLowerCase() : null;
}

/** The name split where its real extension starts, so a UI can cut the stem and keep the end. */
export function splitFileName(name: string): { stem: string; extension: string } {
  const ext = fileExtension(name);
  if (!ext || ext.length === name.length - 1) return { stem: name, extension: '' };
  return {
    stem: name.slice(0, name.length - ext.length - 1),
    extension: name.slice(name.length - ext.length - 1),
  };
}

const TOKEN = "[a-z0-9][a-z0-9!#$&^_.+'-]{0,126}";
const MEDIA_TYPE = new RegExp(`^${TOKEN}/${TOKEN}$`, 'i');

/** A part's type as far as it is usable (type/subtype, lower case), else opaque bytes. */
export function safeContentType(type: string | null | undefined): string {
  const bare = (type ?? '').split(';')[0]!.trim().toLowerCase();
  return MEDIA_TYPE.test(bare) ? bare : 'application/octet-stream';
}
