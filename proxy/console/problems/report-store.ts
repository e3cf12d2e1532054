import type { ProblemKind, ProblemReport, ProblemStatus } from '../../../common/contract';
import type { StoreDb } from '../../store/open-store';

interface Row {
  id: number;
  reporter: string;
  kind: ProblemKind;
  note: string | null;
  mailbox: string | null;
  uid: number | null;
  message_id: string | null;
  subject: string | null;
  sender: string | null;
  status: ProblemStatus;
  forwarded: number;
  created_at: number;
  handled_by: string | null;
  handled_at: number | null;
  resolution: string | null;
}

const fromRow = (r: Row): ProblemReport => ({
  id: r.id,
  reporter: r.reporter,
  kind: r.kind,
  note: r.note,
  mailbox: r.mailbox,
  uid: r.uid,
  messageId: r.message_id,
  subject: r.subject,
  sender: r.sender,
  status: r.status,
  forwarded: r.forwarded === 1,
  createdAt: new Date(r.created_at).toISOString(),
  handledBy: r.handled_by,
  handledAt: r.handled_at === null ? null : new Date(r.handled_at).toISOString(),
  resolution: r.resolution,
});

export interface NewReportRow {
  reporter: string;
  kind: ProblemKind;
  note: string | null;
  mailbox: string | null;
  uid: number | null;
  messageId: string | null;
  subject: string | null;
  sender: string | null;
}

/** The problem_reports table (Đ13.7): the console's queue. */
export function createReportStore(db: StoreDb) {
  const get = async (id: number): Promise<ProblemReport | undefined> => {
    const row = await db.selectFrom('problem_reports').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  };

  return {
    async create(row: NewReportRow, at: Date): Promise<ProblemReport> {
      const clean = (s: string | null) => s?.normalize('NFC').trim() || null;
      const { id } = await db
        .insertInto('problem_reports')
        .values({
          reporter: row.reporter,
          kind: row.kind,
          note: clean(row.note),
          mailbox: row.mailbox,
          uid: row.uid,
          message_id: row.messageId,
          subject: clean(row.subject),
          sender: clean(row.sender),
          created_at: at.getTime(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return (await get(id)) as ProblemReport;
    },
    get,
    async markForwarded(id: number): Promise<void> {
      await db.updateTable('problem_reports').set({ forwarded: 1 }).where('id', '=', id).execute();
    },
    /** How many reports `reporter` made since `from`, and when the oldest of them was. */
    async recentBy(reporter: string, from: Date): Promise<{ count: number; oldest: Date | null }> {
      const { n, at } = await db
        .selectFrom('problem_reports')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('created_at').as('at')])
        .where('reporter', '=', reporter)
        .where('created_at', '>=', from.getTime())
        .executeTakeFirstOrThrow();
      return { count: Number(n), oldest: at === null ? null : new Date(Number(at)) };
    },
    /** Open first, then in progress, then closed; newest first within each. */
    async list(
      filter: { status?: ProblemStatus | undefined; kind?: ProblemKind | undefined },
      limit = 500,
    ): Promise<ProblemReport[]> {
      let query = db.selectFrom('problem_reports').selectAll();
      if (filter.status) query = query.where('status', '=', filter.status);
      if (filter.kind) query = query.where('kind', '=', filter.kind);
      const rows = await query
        .orderBy((eb) => eb.case('status').when('open').then(0).when('in_progress').then(1).else(2).end())
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(fromRow);
    },
    async setStatus(
      id: number,
      status: ProblemStatus,
      resolution: string | null,
      by: string,
      at: Date,
    ): Promise<boolean> {
      const cleaned = resolution?.normalize('NFC').trim() || null;
      const { numUpdatedRows } = await db
        .updateTable('problem_reports')
        .set((eb) => ({
          status,
          handled_by: by,
          handled_at: at.getTime(),
          resolution: cleaned === null ? eb.ref('resolution') : cleaned,
        }))
        .where('id', '=', id)
        .executeTakeFirst();
      return numUpdatedRows === 1n;
    },
  };
}

export type ReportStore = ReturnType<typeof createReportStore>;
