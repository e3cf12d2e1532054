import type { ProblemKind, ProblemReport, ProblemStatus } from '../../../common/contract';
import type { Db } from '../../store/database';

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
export function createReportStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO problem_reports (reporter, kind, note, mailbox, uid, message_id, subject, sender, created_at)
     VALUES (@reporter, @kind, @note, @mailbox, @uid, @messageId, @subject, @sender, @createdAt)`,
  );
  const one = db.prepare('SELECT * FROM problem_reports WHERE id = ?');
  const forwarded = db.prepare('UPDATE problem_reports SET forwarded = 1 WHERE id = ?');
  const since = db.prepare(
    'SELECT COUNT(*) AS n FROM problem_reports WHERE reporter = ? AND created_at >= ?',
  );
  const oldestSince = db.prepare(
    'SELECT MIN(created_at) AS at FROM problem_reports WHERE reporter = ? AND created_at >= ?',
  );
  const handle = db.prepare(
    `UPDATE problem_reports SET status = @status, handled_by = @by, handled_at = @at,
       resolution = COALESCE(@resolution, resolution)
     WHERE id = @id`,
  );

  return {
    create(row: NewReportRow, at: Date): ProblemReport {
      const clean = (s: string | null) => s?.normalize('NFC').trim() || null;
      const { lastInsertRowid } = insert.run({
        ...row,
        note: clean(row.note),
        subject: clean(row.subject),
        sender: clean(row.sender),
        createdAt: at.getTime(),
      });
      return this.get(Number(lastInsertRowid)) as ProblemReport;
    },
    get(id: number): ProblemReport | undefined {
      const row = one.get(id) as Row | undefined;
      return row ? fromRow(row) : undefined;
    },
    markForwarded(id: number): void {
      forwarded.run(id);
    },
    /** How many reports `reporter` made since `from`, and when the oldest of them was. */
    recentBy(reporter: string, from: Date): { count: number; oldest: Date | null } {
      const { n } = since.get(reporter, from.getTime()) as { n: number };
      const { at } = oldestSince.get(reporter, from.getTime()) as { at: number | null };
      return { count: n, oldest: at === null ? null : new Date(at) };
    },
    /** Open first, then in progress, then closed; newest first within each. */
    list(filter: { status?: ProblemStatus | undefined; kind?: ProblemKind | undefined }, limit = 500) {
      const rows = db
        .prepare(
          `SELECT * FROM problem_reports WHERE (@status IS NULL OR status = @status)
             AND (@kind IS NULL OR kind = @kind)
           ORDER BY CASE status WHEN 'open' THEN 0 WHEN 'in_progress' THEN 1 ELSE 2 END,
             created_at DESC, id DESC LIMIT @limit`,
        )
        .all({ status: filter.status ?? null, kind: filter.kind ?? null, limit }) as Row[];
      return rows.map(fromRow);
    },
    setStatus(id: number, status: ProblemStatus, resolution: string | null, by: string, at: Date): boolean {
      return (
        handle.run({
          id,
          status,
          resolution: resolution?.normalize('NFC').trim() || null,
          by,
          at: at.getTime(),
        }).changes === 1
      );
    },
  };
}

export type ReportStore = ReturnType<typeof createReportStore>;
