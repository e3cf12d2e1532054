import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../store/open-store';
import { openTestStore, STORE_ENGINES } from '../../test-support/test-store';
import { createUnitStore, type Unit, type UnitStore } from './unit-store';
import { loadUnitList, seedUnits } from './units-config';

const unit = (code: string, name: string, parentCode: string | null = 'ubndt'): Unit => ({
  code,
  name,
  parentCode,
  level: parentCode ? 'department' : 'province',
  mailbox: null,
  website: null,
});

describe.each(STORE_ENGINES)('the unit tree on %s', (engine) => {
  let store: Store;
  let units: UnitStore;
  beforeEach(async () => {
    store = await openTestStore(engine);
    units = createUnitStore(store.db, () => 1_000);
  });
  afterEach(() => store.close());

  it('creates once per code, reads back, updates and removes', async () => {
    expect(await units.create(unit('ubndt', 'Ủy ban nhân dân tỉnh', null))).toBe(true);
    const decomposed = 'Sở Thông tin và Truyền thông'.normalize('NFD');
    expect(await units.create({ ...unit('sttt', decomposed), mailbox: 'sttt@binhphuoc.gov.vn' })).toBe(true);
    expect(await units.create(unit('sttt', 'Another name'))).toBe(false);
    expect(await units.get('sttt')).toEqual({
      code: 'sttt',
      name: 'Sở Thông tin và Truyền thông',
      parentCode: 'ubndt',
      level: 'department',
      mailbox: 'sttt@binhphuoc.gov.vn',
      website: null,
    });
    expect(await units.get('nope')).toBeUndefined();

    expect(
      await units.update({ ...unit('sttt', 'Sở Khoa học và Công nghệ'), website: 'https://skhcn.example' }),
    ).toBe(true);
    expect(await units.get('sttt')).toMatchObject({ name: 'Sở Khoa học và Công nghệ', mailbox: null });
    expect(await units.update(unit('nope', 'x'))).toBe(false);

    expect(await units.remove('sttt')).toBe(true);
    expect(await units.remove('sttt')).toBe(false);
    expect((await units.list()).map((u) => u.code)).toEqual(['ubndt']);
  });

  it('lists by name ignoring ASCII case, the same on both engines', async () => {
    await units.create(unit('ubndt', 'ubnd tỉnh', null));
    for (const [code, name] of [
      ['b', 'Ban Dân tộc'],
      ['a', 'ban Quản lý'],
      ['c', 'Đài Phát thanh'],
      ['d', 'Bưu điện'],
      ['e', 'Ban dân tộc'],
    ] as const) {
      await units.create(unit(code, name));
    }
    expect((await units.list()).map((u) => u.name)).toEqual([
      'Ban Dân tộc',
      'Ban dân tộc',
      'ban Quản lý',
      'Bưu điện',
      'ubnd tỉnh',
      'Đài Phát thanh',
    ]);
  });

  it('seeds the configured tree into an empty store only', async () => {
    const tree = loadUnitList();
    expect(await seedUnits(units, tree)).toBe(tree.length);
    expect((await units.list()).length).toBe(tree.length);
    expect(await seedUnits(units, tree)).toBe(0);
    await units.remove(tree.at(-1)!.code);
    // A store with units is the console's: a removed unit is not seeded back.
    expect(await seedUnits(units, tree)).toBe(0);
    expect((await units.list()).length).toBe(tree.length - 1);
  });

  it('seeds once when two instances start together: no failure, no duplicate', async () => {
    const tree = loadUnitList();
    const other = createUnitStore(store.db, () => 2_000);
    const [a, b] = await Promise.all([seedUnits(units, tree), seedUnits(other, tree)]);
    expect(a + b).toBe(tree.length);
    const listed = await units.list();
    expect(listed.length).toBe(tree.length);
    expect(new Set(listed.map((u) => u.code)).size).toBe(tree.length);
  });
});
