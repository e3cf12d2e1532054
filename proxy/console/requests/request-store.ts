import type { Db } from '../../store/database';

/** Đ5.2: what a unit asked for in writing (new, change, revoke, restore). */
export type RequestKind = 'create' | 'change' | 'revoke' | 'restore';
export type RequestStatus = 'open' | 'done' | 'rejected';

export interface UnitRequest {
  id: number;
  unitCode: string;
  kind: RequestKind;
  /** Số văn bản, e.g. "125/UBND-VP": the request is only valid in writing. */
  documentNumber: string;
  documentDate: string | null;
  subjectEmail: string | null;
  fullName: string | null;
  note: string | null;
  status: RequestStatus;
  receivedAt: Date;
  recordedBy: string;
  doneAt: Date | null;
  doneBy: string | null;
  /** What was done, e.g. "account_create thanhtv.sttt@…": ties the request to the audit log. */
  outcome: string | null;
}

interface Row {
  id: number;
  unit_code: string;
  kind: RequestKind;
  document_number: string;
  document_date: string | null;
  subject_email: string | null;
  full_name: string | null;
  note: string | null;
  status: RequestStatus;
  received_at: number;
  recorded_by: string;
  done_at: number | null;
  done_by: string | null;
  outcome: string | null;
}

const fromRow = (r: Row): UnitRequest => ({
  id: r.id,
  unitCode: r.unit_code,
  kind: r.kind,
  documentNumber: r.document_number,
  documentDate: r.document_date,
  subjectEmail: r.subject_email,
  fullName: r.full_name,
  note: r.note,
  status: r.status,
  receivedAt: new Date(r.received_at),
  recordedBy: r.recorded_by,
  doneAt: r.done_at === null ? null : new Date(r.done_at),
  doneBy: r.done_by,
  outcome: r.outcome,
});

export interface NewUnitRequest {
  unitCode: string;
  kind: RequestKind;
  documentNumber: string;
  documentDate?: string | null;
  subjectEmail?: string | null;
  fullName?: string | null;
  note?: string | null;
  receivedAt?: Date;
}

export function createRequestStore(db: Db, now: () => number = Date.now) {
  const insert = db.prepare(
    `INSERT INTO unit_requests (unit_code, kind, document_number, document_date, subject_email, full_name,
       note, received_at, recorded_by)
     VALUES (@unitCode, @kind, @documentNumber, @documentDate, @subjectEmail, @fullName, @note, @receivedAt, @recordedBy)`,
  );
  const one = db.prepare('SELECT * FROM unit_requests WHERE id = ?');
  const finish = db.prepare(
    `UPDATE unit_requests SET status = @status, done_at = @at, done_by = @by, outcome = @outcome
     WHERE id = @id AND status = 'open'`,
  );

  return {
    create(request: NewUnitRequest, recordedBy: string): UnitRequest {
      const { lastInsertRowid } = insert.run({
        unitCode: request.unitCode,
        kind: request.kind,
        documentNumber: request.documentNumber.normalize('NFC').trim(),
        documentDate: request.documentDate ?? null,
        subjectEmail: request.subjectEmail?.toLowerCase() ?? null,
        fullName: request.fullName?.normalize('NFC').trim() ?? null,
        note: request.note?.normalize('NFC').trim() ?? null,
        receivedAt: (request.receivedAt ?? new Date(now())).getTime(),
        recordedBy,
      });
      return this.get(Number(lastInsertRowid)) as UnitRequest;
    },

    get(id: number): UnitRequest | undefined {
      const row = one.get(id) as Row | undefined;
      return row ? fromRow(row) : undefined;
    },

    /** Newest first; filtered by status, unit (a unit manager's scope) and the account concerned. */
    list(
      filter: { status?: RequestStatus; units?: ReadonlySet<string> | null; email?: string } = {},
    ): UnitRequest[] {
      const rows = db
        .prepare(
          `SELECT * FROM unit_requests WHERE (@status IS NULL OR status = @status)
             AND (@email IS NULL OR subject_email = @email) ORDER BY received_at DESC, id DESC`,
        )
        .all({ status: filter.status ?? null, email: filter.email?.toLowerCase() ?? null }) as Row[];
      return rows.map(fromRow).filter((r) => !filter.units || filter.units.has(r.unitCode));
    },

    /** Links an open request to what was done; false if it was not open. */
    complete(id: number, outcome: string, by: string): boolean {
      return finish.run({ id, status: 'done', at: now(), by, outcome }).changes === 1;
    },

    reject(id: number, reason: string, by: string): boolean {
      return (
        finish.run({ id, status: 'rejected', at: now(), by, outcome: reason.normalize('NFC').trim() })
          .changes === 1
      );
    },
  };
}

export type RequestStore = ReturnType<typeof createRequestStore>;
