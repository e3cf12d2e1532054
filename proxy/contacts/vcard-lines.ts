import iconv from 'iconv-lite';
import libqp from 'libqp';

/**
 * vCard text as ical.js accepts it, from what Outlook, Gmail and phones actually write: vCard 2.1
 * and 3.0 QUOTED-PRINTABLE values with a CHARSET (and their "=" soft line breaks), bare
 * parameters ("TEL;WORK;VOICE:"), folded lines, and photos nobody needs in an address book.
 * PURE.
 */
export function normaliseVcardText(text: string): string {
  const out: string[] = [];
  for (const line of logicalLines(text)) {
    const fixed = normaliseLine(line);
    if (fixed !== null) out.push(fixed);
  }
  return `${out.join('\r\n')}\r\n`;
}

const isQuotedPrintable = (head: string) => /;\s*(ENCODING=)?QUOTED-PRINTABLE\b/i.test(head);

/** Unfolds RFC 6350 folding (a line starting with a space or tab) and QP soft breaks ("=" at the end). */
function logicalLines(text: string): string[] {
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const lines: string[] = [];
  for (const line of physical) {
    const last = lines.length - 1;
    const previous = lines[last];
    if (previous !== undefined && /^[ \t]/.test(line) && !isQuotedPrintable(headOf(previous))) {
      lines[last] = previous + line.slice(1);
    } else if (previous !== undefined && isQuotedPrintable(headOf(previous)) && previous.endsWith('=')) {
      lines[last] = previous.slice(0, -1) + line.replace(/^[ \t]+/, '');
    } else {
      lines.push(line);
    }
  }
  return lines.filter((l) => l.trim() !== '');
}

/** The name and parameters of a content line: everything before the first ":" outside quotes. */
function headOf(line: string): string {
  return line.slice(0, valueStart(line));
}

function valueStart(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) return i;
  }
  return line.length;
}

function normaliseLine(line: string): string | null {
  const colon = valueStart(line);
  if (colon >= line.length) return null; // not a content line: dropped rather than failing the card
  const [name = '', ...params] = line.slice(0, colon).split(';');
  let value = line.slice(colon + 1);
  const upper = name.toUpperCase().replace(/^ITEM\d+\./, '');
  if (upper === 'PHOTO' || upper === 'LOGO' || upper === 'SOUND' || upper === 'KEY') return null;
  if (upper === 'VERSION') return `VERSION:${value.trim() === '4.0' ? '4.0' : '3.0'}`;
  let charset = 'utf-8';
  let quotedPrintable = false;
  const kept: string[] = [];
  for (const raw of params) {
    const p = raw.trim();
    if (!p) continue;
    const eq = p.indexOf('=');
    const key = (eq < 0 ? '' : p.slice(0, eq)).toUpperCase();
    const val = eq < 0 ? p : p.slice(eq + 1);
    if (eq < 0 && p.toUpperCase() === 'QUOTED-PRINTABLE') quotedPrintable = true;
    else if (key === 'ENCODING' && val.toUpperCase() === 'QUOTED-PRINTABLE') quotedPrintable = true;
    else if (key === 'ENCODING')
      return null; // BASE64/B: binary data (a photo, a key)
    else if (key === 'CHARSET') charset = val.replace(/"/g, '');
    else if (eq < 0)
      kept.push(`TYPE=${p}`); // vCard 2.1's bare type
    else kept.push(p);
  }
  if (quotedPrintable) {
    const bytes = libqp.decode(value);
    const decoded = iconv.encodingExists(charset) ? iconv.decode(bytes, charset) : bytes.toString('utf8');
    value = decoded.replace(/\r\n|\n|\r/g, '\\n');
  }
  return `${[upper, ...kept].join(';')}:${value}`;
}
