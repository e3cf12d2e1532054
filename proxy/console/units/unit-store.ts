import type { Db } from '../../store/database';

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

/** The unit tree (Đ4.1): official names and the short codes used in addresses. */
export function createUnitStore(db: Db, now: () => number = Date.now) {
  const all = db.prepare('SELECT * FROM units ORDER BY name COLLATE NOCASE');
  const one = db.prepare('SELECT * FROM units WHERE code = ?');
  const insert = db.prepare(
    `INSERT INTO units (code, name, parent_code, level, mailbox, website, created_at, updated_at)
     VALUES (@code, @name, @parentCode, @level, @mailbox, @website, @at, @at)`,
  );
  const update = db.prepare(
    `UPDATE units SET name = @name, parent_code = @parentCode, level = @level, mailbox = @mailbox,
       website = @website, updated_at = @at WHERE code = @code`,
  );
  const remove = db.prepare('DELETE FROM units WHERE code = ?');

  return {
    list(): Unit[] {
      return (all.all() as UnitRow[]).map(fromRow);
    },
    get(code: string): Unit | undefined {
      const row = one.get(code) as UnitRow | undefined;
      return row ? fromRow(row) : undefined;
    },
    /** Inserts; false when the code exists. */
    create(unit: Unit): boolean {
      if (one.get(unit.code)) return false;
      insert.run({ ...unit, name: unit.name.normalize('NFC'), at: now() });
      return true;
    },
    update(unit: Unit): boolean {
      return update.run({ ...unit, name: unit.name.normalize('NFC'), at: now() }).changes === 1;
    },
    remove(code: string): boolean {
      return remove.run(code).changes === 1;
    },
  };
}

export type UnitStore = ReturnType<typeof createUnitStore>;
