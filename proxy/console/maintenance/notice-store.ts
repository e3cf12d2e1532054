import type { Db } from '../../store/database';

export interface StoredNotice {
  id: number;
  startsAt: Date;
  endsAt: Date;
  message: string;
  createdBy: string;
  createdAt: Date;
  cancelledAt: Date | null;
  cancelledBy: string | null;
}

interface Row {
  id: number;
  starts_at: number;
  ends_at: number;
  message: string;
  created_by: string;
  created_at: number;
  cancelled_at: number | null;
  cancelled_by: string | null;
}

const fromRow = (r: Row): StoredNotice => ({
  id: r.id,
  startsAt: new Date(r.starts_at),
  endsAt: new Date(r.ends_at),
  message: r.message,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
  cancelledAt: r.cancelled_at === null ? null : new Date(r.cancelled_at),
  cancelledBy: r.cancelled_by,
});

/** The maintenance_notices table (Đ8.1c). Rules live in schedule-notice.ts, not here. */
export function createNoticeStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO maintenance_notices (starts_at, ends_at, message, created_by, created_at)
     VALUES (?, ?, ?, ?, ?)`,
  );
  const one = db.prepare('SELECT * FROM maintenance_notices WHERE id = ?');
  const cancel = db.prepare(
    `UPDATE maintenance_notices SET cancelled_at = ?, cancelled_by = ?
     WHERE id = ? AND cancelled_at IS NULL AND ends_at > ?`,
  );
  // Scheduled (created) and not yet over: what users are told about.
  const visible = db.prepare(
    `SELECT * FROM maintenance_notices WHERE cancelled_at IS NULL AND ends_at > ? ORDER BY starts_at, id`,
  );
  const recent = db.prepare(
    'SELECT * FROM maintenance_notices WHERE ends_at > ? ORDER BY starts_at DESC, id DESC LIMIT ?',
  );

  return {
    create(n: { startsAt: Date; endsAt: Date; message: string }, by: string, at: Date): StoredNotice {
      const { lastInsertRowid } = insert.run(
        n.startsAt.getTime(),
        n.endsAt.getTime(),
        n.message.normalize('NFC').trim(),
        by,
        at.getTime(),
      );
      return this.get(Number(lastInsertRowid)) as StoredNotice;
    },
    get(id: number): StoredNotice | undefined {
      const row = one.get(id) as Row | undefined;
      return row ? fromRow(row) : undefined;
    },
    /** False when there is nothing left to cancel: already cancelled, or already over. */
    cancel(id: number, by: string, at: Date): boolean {
      return cancel.run(at.getTime(), by, id, at.getTime()).changes === 1;
    },
    visible(now: Date): StoredNotice[] {
      return (visible.all(now.getTime()) as Row[]).map(fromRow);
    },
    /** For the console: everything that ended less than `keepDays` ago, newest start first. */
    recent(now: Date, keepDays = 180, limit = 200): StoredNotice[] {
      return (recent.all(now.getTime() - keepDays * 86_400_000, limit) as Row[]).map(fromRow);
    },
  };
}

export type NoticeStore = ReturnType<typeof createNoticeStore>;
