import { isValidAddress } from '../../../common/contract/compose';
import type { RecipientChip } from './compose-store';

export interface ParsedAddress {
  name?: string;
  address: string;
  valid: boolean;
}

// Control characters never reach a header (the proxy refuses them too).
// biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point
const CONTROL = /[\u0000-\u001f\u007f]/g;

/**
 * Splits what people paste into the To field: "a@x, b@y; Tên <c@z>", one per line from a
 * spreadsheet column, or "Nguyễn, Văn A" <a@x> with a comma inside quotes. Each piece becomes one
 * recipient; a piece that is no address is kept (shown as invalid) rather than silently dropped.
 */
export function parseAddressList(input: string): ParsedAddress[] {
  const out: ParsedAddress[] = [];
  for (const piece of splitOutsideQuotes(input.normalize('NFC'))) {
    const parsed = parseOne(piece);
    if (parsed) out.push(parsed);
  }
  return out;
}

function splitOutsideQuotes(input: string): string[] {
  const pieces: string[] = [];
  let current = '';
  let quoted = false;
  let angled = false;
  for (const ch of input) {
    if (ch === '"') quoted = !quoted;
    else if (ch === '<' && !quoted) angled = true;
    else if (ch === '>' && !quoted) angled = false;
    if (!quoted && !angled && (ch === ',' || ch === ';' || ch === '\n' || ch === '\r' || ch === '\t')) {
      pieces.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  pieces.push(current);
  return pieces;
}

function parseOne(raw: string): ParsedAddress | null {
  const piece = raw.replace(CONTROL, ' ').trim();
  if (!piece) return null;
  const angle = /^(.*?)<([^<>]*)>\s*$/.exec(piece);
  if (angle) {
    const address = angle[2]!.trim().toLowerCase();
    const name = unquote(angle[1]!.trim());
    return { ...(name ? { name } : {}), address, valid: isValidAddress(address) };
  }
  // "mailto:" comes with addresses copied from web pages.
  const address = piece.replace(/^mailto:/i, '').trim();
  return { address: address.includes('@') ? address.toLowerCase() : address, valid: isValidAddress(address) };
}

function unquote(name: string): string {
  const inner = /^"(.*)"$/.exec(name);
  return (inner ? inner[1]! : name).replace(/\\"/g, '"').trim();
}

/** "Tên <a@x>" or just the address: how a chip reads and what the clipboard gets. */
export function formatRecipient(r: { name?: string; address: string }): string {
  if (!r.name) return r.address;
  const name = /[",;<>]/.test(r.name) ? `"${r.name.replace(/"/g, '\\"')}"` : r.name;
  return `${name} <${r.address}>`;
}

let chipSeq = 0;
/** Recipients as chips, each checked with the proxy's own address rule. */
export const toChips = (list: readonly { name?: string; address: string; valid?: boolean }[]) =>
  list.map<RecipientChip>((r) => ({
    key: `r${++chipSeq}`,
    ...(r.name ? { name: r.name } : {}),
    address: r.address.includes('@') ? r.address.trim().toLowerCase() : r.address,
    valid: r.valid ?? isValidAddress(r.address),
  }));
