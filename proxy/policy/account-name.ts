/**
 * Mailbox names of Đ4 of QĐ 1956 (Đ4.1, Đ4.2a, Đ4.2b). PURE: what exists already comes in as a set
 * or a predicate.
 *
 * Personal (Đ4.2a): "tên đầy đủ + họ viết tắt + chữ lót viết tắt … viết liền, chữ thường và
 * không dấu", then "." and the unit's short name: Trần Văn Thanh at the Sở TT&TT →
 * thanhtv.sttt@binhphuoc.gov.vn. Reading of the text, where it leaves room:
 * - "tên" is the LAST word only. In "Lê Thị Thu Hà" the tên is Hà and Thị, Thu are chữ lót
 *   (tên đệm): haltt, not thuhalt. The regulation's one example has a one-word tên and nothing
 *   in the text joins two words into it; a two-word tên written together would also make two
 *   different rules for names that look alike.
 * - The family name is abbreviated to its first letter and each middle name to its first letter,
 *   in the order written. A compound family name (Tôn Nữ, Tôn Thất, Âu Dương) therefore gives the
 *   same letters whether its second word is read as family or middle name.
 * - A name of one word has no "họ" to abbreviate: refused (name_single_word) rather than guessed;
 *   the admin sets the address by hand (validateLocalPart).
 * - Hyphens separate words (Y-Moan = Y Moan, as people write both); apostrophes belong to the
 *   word and are dropped (K'Ré → kre). Names of peoples whose family name comes last (Ê Đê:
 *   H'Hen Niê) still follow the written order; the admin may override.
 * - The unit's short name is configuration (a directory entry), never derived from its full
 *   name: the regulation itself writes the Sở TT&TT as "stttt" (Đ4.1a) and "sttt" (Đ4.1d, 4.2a).
 *
 * Clash (Đ4.2b): the second person gets 2 before the dot, then 3, … (thanhtv2.sttt). `existing`
 * must hold every address ever given out, revoked ones included: a revoked address handed to a
 * new person would receive the old one's mail.
 */
import { foldVietnamese } from './fold-vietnamese';

export const accountNameCodes = [
  'name_empty',
  'name_single_word',
  'name_has_digit',
  'name_invalid_character',
  'unit_code_invalid',
  'parent_code_invalid',
  'address_taken',
  'local_too_long',
  'name_clash_limit',
] as const;
export type AccountNameCode = (typeof accountNameCodes)[number];

/** Addresses already given out: local parts or whole addresses, or a lookup by local part. */
export type ExistingAddresses = ReadonlySet<string> | ((local: string) => boolean);

export type ProposedAddress =
  | { ok: true; local: string; address: string; clash: number | null }
  | { ok: false; code: AccountNameCode };

/** RFC 5321, 4.5.3.1.1. */
export const LOCAL_PART_MAX = 64;
const CLASH_MAX = 999;
const UNIT_CODE = /^[a-z0-9]+$/;

// Characters a name pasted from Word, a PDF or a macOS form brings along unseen.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const APOSTROPHES = /['\u2018\u2019\u02bc\u02bb`\u00b4\uff07]/g;
const HYPHENS = /[-\u2010-\u2015\u2212\ufe63\uff0d]/g;
// Ð (U+00D0, Icelandic eth) stands in for Đ in text converted from the old VNI/TCVN3 fonts.
const ETH = /[\u00d0\u00f0]/g;

type Words = { ok: true; words: string[] } | { ok: false; code: AccountNameCode };

/** A full name as lower-case ASCII words, whatever its Unicode form, case or spacing. */
export function nameWords(fullName: string): Words {
  const cleaned = fullName
    .replace(INVISIBLE, '')
    .replace(APOSTROPHES, '')
    .replace(HYPHENS, ' ')
    .replace(ETH, 'd')
    .normalize('NFKC');
  const folded = foldVietnamese(cleaned);
  if (folded === '') return { ok: false, code: 'name_empty' };
  if (/\p{Nd}/u.test(folded)) return { ok: false, code: 'name_has_digit' };
  if (/[^a-z ]/.test(folded)) return { ok: false, code: 'name_invalid_character' };
  return { ok: true, words: folded.split(' ') };
}

/** The part before the number and the dot: given name + initials of the family and middle names. */
export function personalNameStem(
  fullName: string,
): { ok: true; stem: string } | { ok: false; code: AccountNameCode } {
  const parsed = nameWords(fullName);
  if (!parsed.ok) return parsed;
  const { words } = parsed;
  if (words.length < 2) return { ok: false, code: 'name_single_word' };
  const given = words[words.length - 1]!;
  const initials = words
    .slice(0, -1)
    .map((w) => w[0])
    .join('');
  return { ok: true, stem: given + initials };
}

function normaliseCode(code: string): string {
  return code.trim().toLowerCase();
}

function isTaken(existing: ExistingAddresses, local: string, domain: string): boolean {
  if (typeof existing === 'function') return existing(local);
  return existing.has(local) || existing.has(`${local}@${domain}`);
}

/** Đ4.2a, Đ4.2b: the address Đ4.2 gives a civil servant, numbered on a clash in the unit. */
export function proposeAddress(input: {
  fullName: string;
  unitCode: string;
  existing: ExistingAddresses;
  domain: string;
}): ProposedAddress {
  const domain = input.domain.trim().toLowerCase();
  const stem = personalNameStem(input.fullName);
  if (!stem.ok) return stem;
  const unit = normaliseCode(input.unitCode);
  if (!UNIT_CODE.test(unit)) return { ok: false, code: 'unit_code_invalid' };
  for (let n = 1; n <= CLASH_MAX; n++) {
    const local = `${stem.stem}${n === 1 ? '' : n}.${unit}`;
    if (local.length > LOCAL_PART_MAX) return { ok: false, code: 'local_too_long' };
    if (!isTaken(input.existing, local, domain)) {
      return { ok: true, local, address: `${local}@${domain}`, clash: n === 1 ? null : n };
    }
  }
  return { ok: false, code: 'name_clash_limit' };
}

/**
 * Đ4.1: a unit mailbox. Đ4.1a, Đ4.1b: the unit's (or district's) short name alone — stttt, tpdx.
 * Đ4.1c, Đ4.1d: a commune, or a division of a department or district, followed by its parent —
 * xmh.bda, phongnv.tpx. No numbering: on a clash with a personal address the regulation asks for
 * another short name (phongnv.tpx → pnv.tpx), which only a person can choose: 'address_taken'.
 */
export function proposeUnitAddress(input: {
  unitCode: string;
  parentCode?: string | null;
  existing: ExistingAddresses;
  domain: string;
}): { ok: true; local: string; address: string } | { ok: false; code: AccountNameCode } {
  const domain = input.domain.trim().toLowerCase();
  const unit = normaliseCode(input.unitCode);
  if (!UNIT_CODE.test(unit)) return { ok: false, code: 'unit_code_invalid' };
  const parent = input.parentCode == null ? null : normaliseCode(input.parentCode);
  if (parent !== null && !UNIT_CODE.test(parent)) return { ok: false, code: 'parent_code_invalid' };
  const local = parent === null ? unit : `${unit}.${parent}`;
  if (local.length > LOCAL_PART_MAX) return { ok: false, code: 'local_too_long' };
  if (isTaken(input.existing, local, domain)) return { ok: false, code: 'address_taken' };
  return { ok: true, local, address: `${local}@${domain}` };
}

export const localPartCodes = [
  'local_empty',
  'local_too_long',
  'local_has_uppercase',
  'local_has_diacritics',
  'local_invalid_character',
  'local_bad_dots',
  'local_needs_unit',
  'local_too_many_parts',
  'local_personal_form',
  'local_wrong_unit',
  'local_reserved',
] as const;
export type LocalPartCode = (typeof localPartCodes)[number];

/**
 * Names that must never go to a person or a unit: the RFC 2142 role addresses, and hotro@, where
 * Đ5.2 sends units' requests.
 */
const RESERVED = new Set([
  'postmaster',
  'abuse',
  'hostmaster',
  'webmaster',
  'security',
  'noreply',
  'root',
  'admin',
  'administrator',
  'hotro',
]);

/**
 * Checks an address typed by the admin instead of the proposed one (Đ4.1, Đ4.2a, Đ4.2b): lower-case ASCII
 * letters and digits in at most two dot-separated parts ("chữ thường và không dấu", "viết liền").
 * For a personal mailbox the form of Đ4.2 — letters, an optional number from 2, a dot, the unit:
 * e.g. thanhtv2.sttt. Returns every rule broken, in a fixed order; [] when acceptable.
 */
export function validateLocalPart(
  local: string,
  /** unitCode: for a personal mailbox, the unit it must end with. */
  options: { kind?: 'personal' | 'unit'; unitCode?: string } = {},
): LocalPartCode[] {
  const codes = new Set<LocalPartCode>();
  if (local === '') return ['local_empty'];
  if ([...local].length > LOCAL_PART_MAX) codes.add('local_too_long');
  if (/[A-Z]/.test(local)) codes.add('local_has_uppercase');
  for (const ch of local) {
    if (/[A-Za-z0-9.]/.test(ch)) continue;
    codes.add(/^[a-z]$/.test(foldVietnamese(ch)) ? 'local_has_diacritics' : 'local_invalid_character');
  }
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) codes.add('local_bad_dots');
  const parts = local.toLowerCase().split('.');
  if (parts.length > 2) codes.add('local_too_many_parts');
  if (options.kind === 'personal') {
    if (parts.length < 2) codes.add('local_needs_unit');
    else if (!/^[a-z]+([2-9]|[1-9][0-9]+)?$/.test(parts[0]!)) codes.add('local_personal_form');
    if (
      options.unitCode !== undefined &&
      parts.length === 2 &&
      parts[1] !== normaliseCode(options.unitCode)
    ) {
      codes.add('local_wrong_unit');
    }
  }
  if (RESERVED.has(local.toLowerCase())) codes.add('local_reserved');
  return localPartCodes.filter((c) => codes.has(c));
}
