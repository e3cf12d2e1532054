import type { StoreDb } from '../../store/open-store';

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
export function createNoticeStore(db: StoreDb) {
  const get = async (id: number): Promise<StoredNotice | undefined> => {
    const row = await db
      .selectFrom('maintenance_notices')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? fromRow(row) : undefined;
  };

  return {
    async create(
      n: { startsAt: Date; endsAt: Date; message: string },
      by: string,
      at: Date,
    ): Promise<StoredNotice> {
      const { id } = await db
        .insertInto('maintenance_notices')
        .values({
          starts_at: n.startsAt.getTime(),
          ends_at: n.endsAt.getTime(),
          message: n.message.normalize('NFC').trim(),
          created_by: by,
          created_at: at.getTime(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return (await get(id)) as StoredNotice;
    },
    get,
    /** False when there is nothing left to cancel: already cancelled, or already over. */
    async cancel(id: number, by: string, at: Date): Promise<boolean> {
      const { numUpdatedRows } = await db
        .updateTable('maintenance_notices')
        .set({ cancelled_at: at.getTime(), cancelled_by: by })
        .where('id', '=', id)
        .where('cancelled_at', 'is', null)
        .where('ends_at', '>', at.getTime())
        .executeTakeFirst();
      return numUpdatedRows === 1n;
    },
    /** Scheduled (created) and not yet over: what users are told about. */
    async visible(now: Date): Promise<StoredNotice[]> {
      const rows = await db
        .selectFrom('maintenance_notices')
        .selectAll()
        .where('cancelled_at', 'is', null)
        .where('ends_at', '>', now.getTime())
        .orderBy('starts_at')
        .orderBy('id')
        .execute();
      return rows.map(fromRow);
    },
    /** For the console: everything that ended less than `keepDays` ago, newest start first. */
    async recent(now: Date, keepDays = 180, limit = 200): Promise<StoredNotice[]> {
      const rows = await db
        .selectFrom('maintenance_notices')
        .selectAll()
        .where('ends_at', '>', now.getTime() - keepDays * 86_400_000)
        .orderBy('starts_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(fromRow);
    },
  };
}

export type NoticeStore = ReturnType<typeof createNoticeStore>;
