import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { appRoot } from '../../app-root';
import type { Unit, UnitStore } from './unit-store';

/** The repository's Bình Phước tree: province → departments and districts → divisions and communes. */
export const DEFAULT_UNITS_FILE = path.join(appRoot(), 'config', 'units.json');

export const UNIT_CODE = /^[a-z0-9]{1,30}$/;

const UnitFile = z.array(
  z.object({
    code: z.string().regex(UNIT_CODE),
    name: z.string().trim().min(1),
    parentCode: z.string().regex(UNIT_CODE).nullable(),
    level: z.enum(['province', 'department', 'district', 'division', 'commune']),
    mailbox: z.string().nullable().optional(),
    website: z.string().nullable().optional(),
  }),
);

/**
 * UNITS_FILE as units, parents before children. A unit whose parent is not in the file, a code
 * given twice or a cycle is a configuration error: the proxy does not start with half a tree.
 */
export function loadUnitList(file: string = DEFAULT_UNITS_FILE): Unit[] {
  const parsed = UnitFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const units: Unit[] = parsed.data.map((u) => ({
    code: u.code,
    name: u.name.normalize('NFC'),
    parentCode: u.parentCode,
    level: u.level,
    mailbox: u.mailbox ?? null,
    website: u.website ?? null,
  }));
  return parentsFirst(units, file);
}

export function parentsFirst(units: Unit[], where = 'units'): Unit[] {
  const byCode = new Map<string, Unit>();
  for (const u of units) {
    if (byCode.has(u.code)) throw new Error(`${where}: unit code ${u.code} appears twice`);
    byCode.set(u.code, u);
  }
  const ordered: Unit[] = [];
  const placed = new Set<string>();
  const place = (u: Unit, path: Set<string>) => {
    if (placed.has(u.code)) return;
    if (path.has(u.code)) throw new Error(`${where}: unit ${u.code} is its own ancestor`);
    if (u.parentCode !== null) {
      const parent = byCode.get(u.parentCode);
      if (!parent) throw new Error(`${where}: unit ${u.code} has unknown parent ${u.parentCode}`);
      place(parent, new Set([...path, u.code]));
    }
    placed.add(u.code);
    ordered.push(u);
  };
  for (const u of units) place(u, new Set());
  return ordered;
}

/**
 * Seeds the configured tree into an empty store; a store with units is the console's to change.
 * Instances starting together may both find it empty: a unit the other inserted first is skipped
 * (create is an insert that does nothing on a taken code), so neither fails nor duplicates.
 * Returns how many units this call inserted.
 */
export async function seedUnits(store: UnitStore, units: Unit[]): Promise<number> {
  if ((await store.list()).length > 0) return 0;
  let inserted = 0;
  // One by one, parents first: a child's row refers to its parent's.
  for (const unit of units) if (await store.create(unit)) inserted++;
  return inserted;
}
