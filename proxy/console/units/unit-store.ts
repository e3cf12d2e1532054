import type { StoreDb } from '../../store/open-store';

export type UnitLevel = 'province' | 'department' | 'district' | 'division' | 'commune';

export interface Unit {
  code: string;
  name: string;
  parentCode: string | null;
  level: UnitLevel;
  mailbox: string | null;
  website: string | null;
}

interface UnitRow {
  code: string;
  name: string;
  parent_code: string | null;
  level: UnitLevel;
  mailbox: string | null;
  website: string | null;
}

const fromRow = (r: UnitRow): Unit => ({
  code: r.code,
  name: r.name,
  parentCode: r.parent_code,
  level: r.level,
  mailbox: r.mailbox,
  website: r.website,
});

const asciiFolded = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const byFoldedName = (a: Unit, b: Unit) => {
  const [x, y] = [asciiFolded(a.name), asciiFolded(b.name)];
  return x < y ? -1 : x > y ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
};

/** The unit tree (Đ4.1): official names and the short codes used in addresses. */
export function createUnitStore(db: StoreDb, now: () => number = Date.now) {
  const rowOf = (unit: Unit, at: number) => ({
    code: unit.code,
    name: unit.name.normalize('NFC'),
    parent_code: unit.parentCode,
    level: unit.level,
    mailbox: unit.mailbox,
    website: unit.website,
    created_at: at,
    updated_at: at,
  });

  return {
    /**
     * By name ignoring ASCII case, as SQLite's NOCASE ordered it. Sorted here rather than by the
     * database: the engines' collations differ (PostgreSQL's follows its locale), and the tree is
     * a few hundred rows.
     */
    async list(): Promise<Unit[]> {
      const rows = await db.selectFrom('units').selectAll().execute();
      return rows.map(fromRow).sort(byFoldedName);
    },
    async get(code: string): Promise<Unit | undefined> {
      const row = await db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
      return row ? fromRow(row) : undefined;
    },
    /** Inserts; false when the code exists (also when another instance inserted it first). */
    async create(unit: Unit): Promise<boolean> {
      const { numInsertedOrUpdatedRows } = await db
        .insertInto('units')
        .values(rowOf(unit, now()))
        .onConflict((oc) => oc.column('code').doNothing())
        .executeTakeFirst();
      return numInsertedOrUpdatedRows === 1n;
    },
    async update(unit: Unit): Promise<boolean> {
      const { created_at: _, code: __, ...fields } = rowOf(unit, now());
      const { numUpdatedRows } = await db
        .updateTable('units')
        .set(fields)
        .where('code', '=', unit.code)
        .executeTakeFirst();
      return numUpdatedRows === 1n;
    },
    async remove(code: string): Promise<boolean> {
      const { numDeletedRows } = await db.deleteFrom('units').where('code', '=', code).executeTakeFirst();
      return numDeletedRows === 1n;
    },
  };
}

export type UnitStore = ReturnType<typeof createUnitStore>;
