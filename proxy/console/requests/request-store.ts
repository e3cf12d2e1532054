import type { StoreDb } from '../../store/open-store';

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

export function createRequestStore(db: StoreDb, now: () => number = Date.now) {
  const get = async (id: number): Promise<UnitRequest | undefined> => {
    const row = await db.selectFrom('unit_requests').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  };
  const finish = async (id: number, status: 'done' | 'rejected', outcome: string, by: string) => {
    const { numUpdatedRows } = await db
      .updateTable('unit_requests')
      .set({ status, done_at: now(), done_by: by, outcome })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return numUpdatedRows === 1n;
  };

  return {
    async create(request: NewUnitRequest, recordedBy: string): Promise<UnitRequest> {
      const { id } = await db
        .insertInto('unit_requests')
        .values({
          unit_code: request.unitCode,
          kind: request.kind,
          document_number: request.documentNumber.normalize('NFC').trim(),
          document_date: request.documentDate ?? null,
          subject_email: request.subjectEmail?.toLowerCase() ?? null,
          full_name: request.fullName?.normalize('NFC').trim() ?? null,
          note: request.note?.normalize('NFC').trim() ?? null,
          received_at: (request.receivedAt ?? new Date(now())).getTime(),
          recorded_by: recordedBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return (await get(id)) as UnitRequest;
    },

    get,

    /** Newest first; filtered by status, unit (a unit manager's scope) and the account concerned. */
    async list(
      filter: {
        status?: RequestStatus | undefined;
        units?: ReadonlySet<string> | null;
        email?: string | undefined;
      } = {},
    ): Promise<UnitRequest[]> {
      let query = db.selectFrom('unit_requests').selectAll();
      if (filter.status) query = query.where('status', '=', filter.status);
      if (filter.email !== undefined) query = query.where('subject_email', '=', filter.email.toLowerCase());
      const rows = await query.orderBy('received_at', 'desc').orderBy('id', 'desc').execute();
      return rows.map(fromRow).filter((r) => !filter.units || filter.units.has(r.unitCode));
    },

    /** Links an open request to what was done; false if it was not open. */
    complete(id: number, outcome: string, by: string): Promise<boolean> {
      return finish(id, 'done', outcome, by);
    },

    reject(id: number, reason: string, by: string): Promise<boolean> {
      return finish(id, 'rejected', reason.normalize('NFC').trim(), by);
    },
  };
}

export type RequestStore = ReturnType<typeof createRequestStore>;
