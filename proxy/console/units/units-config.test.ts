import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDemoAccounts } from '../../../scripts/seed/demo-accounts';
import type { Unit } from './unit-store';
import { DEFAULT_UNITS_FILE, loadUnitList, parentsFirst } from './units-config';

const unit = (code: string, parentCode: string | null): Unit => ({
  code,
  name: code,
  parentCode,
  level: parentCode ? 'department' : 'province',
  mailbox: null,
  website: null,
});

describe('the configured unit tree (Đ4.1)', () => {
  const units = loadUnitList();

  it('holds every unit code of the demo accounts, the Sở TT&TT by its official name', () => {
    const codes = new Set(units.map((u) => u.code));
    for (const a of readDemoAccounts()) expect(codes, a.email).toContain(a.unit);
    expect(units.find((u) => u.code === 'sttt')?.name).toBe('Sở Thông tin và Truyền thông');
  });

  it('has one province at the root, parents before children, names in NFC', () => {
    expect(units.filter((u) => u.parentCode === null).map((u) => u.level)).toEqual(['province']);
    const seen = new Set<string>();
    for (const u of units) {
      if (u.parentCode) expect(seen, u.code).toContain(u.parentCode);
      seen.add(u.code);
      expect(u.name).toBe(u.name.normalize('NFC'));
    }
    expect(readFileSync(DEFAULT_UNITS_FILE, 'utf8')).toBe(
      readFileSync(DEFAULT_UNITS_FILE, 'utf8').normalize('NFC'),
    );
  });

  it('orders children after their parents and refuses unknown parents, duplicates and cycles', () => {
    expect(
      parentsFirst([unit('xmh', 'budang'), unit('budang', 'ubndt'), unit('ubndt', null)]).map((u) => u.code),
    ).toEqual(['ubndt', 'budang', 'xmh']);
    expect(() => parentsFirst([unit('xmh', 'budang')])).toThrow(/unknown parent budang/);
    expect(() => parentsFirst([unit('a', null), unit('a', null)])).toThrow(/twice/);
    expect(() => parentsFirst([unit('a', 'b'), unit('b', 'a')])).toThrow(/own ancestor/);
  });
});
