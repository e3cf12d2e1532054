import type { DirectoryEntry, DirectoryGroup, DirectoryUnit } from '../../../common/contract';
import type { AccountRecord } from '../../accounts/account-store';
import { foldVietnamese } from '../../policy/fold-vietnamese';
import type { Unit } from '../units/unit-store';

/** An address as the provider lists it (its gecos name and unit text). */
export interface ProviderEntry {
  email: string;
  name: string | null;
  unit: string | null;
}

export interface DirectorySources {
  accounts: readonly AccountRecord[];
  units: readonly Unit[];
  provider: readonly ProviderEntry[];
}

export interface DirectoryScope {
  /** The viewer's units; null = every unit and the addresses not placed in one (admins). */
  visible: ReadonlySet<string> | null;
  /** Only this unit and the units below it. */
  unit?: string | undefined;
  /** Words to find in name, title, unit or address; tones and case ignored. */
  q?: string | undefined;
}

interface Row extends DirectoryEntry {
  unitCode: string | null;
  /** The official unit name, or the provider's unit text for an address outside the tree. */
  unitName: string | null;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base' });

/** The units in tree order (parents before children, siblings by name) with their depth. */
export function unitTree(units: readonly Unit[], visible: ReadonlySet<string> | null): DirectoryUnit[] {
  const shown = units.filter((u) => visible === null || visible.has(u.code));
  const codes = new Set(shown.map((u) => u.code));
  const children = new Map<string | null, Unit[]>();
  for (const u of shown) {
    // A unit whose parent the viewer cannot see is a root of the viewer's tree.
    const parent = u.parentCode && codes.has(u.parentCode) ? u.parentCode : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: DirectoryUnit[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const u of (children.get(parent) ?? []).sort((a, b) => collator.compare(a.name, b.name))) {
      out.push({ code: u.code, name: u.name, parentCode: u.parentCode, depth });
      walk(u.code, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** A unit and every unit below it. */
export function subtreeOf(code: string, units: readonly Unit[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (u.parentCode) children.set(u.parentCode, [...(children.get(u.parentCode) ?? []), u.code]);
  }
  const out = new Set<string>();
  const queue = [code];
  while (queue.length > 0) {
    const c = queue.pop() as string;
    if (out.has(c)) continue;
    out.add(c);
    queue.push(...(children.get(c) ?? []));
  }
  return out;
}

/**
 * Every active address (Đ5.1: the one directory the Sở keeps): the console's accounts placed in
 * a unit, named as the console names them, and the provider's other addresses under their gecos
 * name. Suspended and revoked accounts are left out: the directory lists who can be written to.
 */
export function directoryRows(sources: DirectorySources): Row[] {
  const unitNames = new Map(sources.units.map((u) => [u.code, u.name]));
  const accounts = new Map(sources.accounts.map((a) => [a.email.toLowerCase(), a]));
  const provider = new Map(sources.provider.map((p) => [p.email.toLowerCase(), p]));
  const rows: Row[] = [];
  for (const a of accounts.values()) {
    if (a.state !== 'active' || !a.unitCode) continue;
    rows.push({
      email: a.email,
      fullName: a.fullName ?? provider.get(a.email)?.name ?? null,
      title: a.title,
      kind: a.kind,
      unitCode: a.unitCode,
      unitName: unitNames.get(a.unitCode) ?? null,
    });
  }
  // The provider names the unit in words (gecos, LDAP ou); where exactly one unit has that
  // official name the address is listed in it until the console records a unit itself (as the
  // console's accounts list places it).
  const byName = new Map<string, string | null>();
  for (const u of sources.units) {
    const key = foldVietnamese(u.name);
    byName.set(key, byName.has(key) ? null : u.code);
  }
  for (const [email, p] of provider) {
    const a = accounts.get(email);
    if (a && (a.state !== 'active' || a.unitCode)) continue;
    const unitCode = (p.unit && byName.get(foldVietnamese(p.unit))) || null;
    rows.push({
      email,
      fullName: a?.fullName ?? p.name,
      title: a?.title ?? null,
      kind: a?.kind ?? 'personal',
      unitCode,
      unitName: unitCode ? (unitNames.get(unitCode) ?? p.unit) : p.unit,
    });
  }
  return rows;
}

/** The directory a viewer asked for, grouped by unit in tree order (unplaced addresses last). */
export function listDirectory(
  sources: DirectorySources,
  scope: DirectoryScope,
): { units: DirectoryUnit[]; groups: (DirectoryGroup & { entries: Row[] })[]; total: number } {
  const units = unitTree(sources.units, scope.visible);
  const within = scope.unit ? subtreeOf(scope.unit, sources.units) : null;
  const words = foldVietnamese(scope.q ?? '')
    .split(' ')
    .filter(Boolean);
  const rows = directoryRows(sources).filter((r) => {
    if (scope.visible && !(r.unitCode && scope.visible.has(r.unitCode))) return false;
    if (within && !(r.unitCode && within.has(r.unitCode))) return false;
    if (words.length === 0) return true;
    const text = foldVietnamese([r.fullName, r.title, r.unitName, r.email].filter(Boolean).join(' '));
    return words.every((w) => text.includes(w));
  });
  // The unit's own mailbox first, its other shared mailboxes, then its people by name as
  // Vietnamese sorts them.
  const own = new Set(sources.units.flatMap((u) => (u.mailbox ? [u.mailbox.toLowerCase()] : [])));
  const rank = (r: Row) => (own.has(r.email.toLowerCase()) ? 0 : r.kind === 'unit' ? 1 : 2);
  rows.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      collator.compare(a.fullName ?? '\uffff', b.fullName ?? '\uffff') ||
      a.email.localeCompare(b.email),
  );
  const byUnit = new Map<string | null, Row[]>();
  for (const r of rows) {
    const list = byUnit.get(r.unitCode);
    if (list) list.push(r);
    else byUnit.set(r.unitCode, [r]);
  }
  const groups: (DirectoryGroup & { entries: Row[] })[] = [];
  for (const u of units) {
    const entries = byUnit.get(u.code);
    if (entries) groups.push({ unitCode: u.code, unitName: u.name, entries });
  }
  const unplaced = byUnit.get(null);
  if (unplaced) groups.push({ unitCode: null, unitName: null, entries: unplaced });
  return { units, groups, total: rows.length };
}

/**
 * What compose's address completion shows (proxy/accounts/directory.ts): the provider's addresses
 * with the console's full name and the unit's official name where it has them; suspended and
 * revoked addresses are not offered.
 */
export function completionEntries(sources: DirectorySources): ProviderEntry[] {
  // Only what the provider lists: an address it does not have cannot receive mail.
  const atProvider = new Set(sources.provider.map((p) => p.email.toLowerCase()));
  return directoryRows(sources)
    .filter((r) => atProvider.has(r.email.toLowerCase()))
    .map((r) => ({ email: r.email, name: r.fullName, unit: r.unitName }));
}
