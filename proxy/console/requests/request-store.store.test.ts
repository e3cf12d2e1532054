import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../store/open-store';
import { openTestStore, STORE_ENGINES } from '../../test-support/test-store';
import { createRequestStore, type RequestStore } from './request-store';

const clerk = 'vanthu.sttt@binhphuoc.gov.vn';
const admin = 'quantri.sttt@binhphuoc.gov.vn';

describe.each(STORE_ENGINES)("units' written requests on %s", (engine) => {
  let store: Store;
  let requests: RequestStore;
  let clock: number;
  beforeEach(async () => {
    store = await openTestStore(engine);
    clock = Date.UTC(2026, 11, 7, 2);
    requests = createRequestStore(store.db, () => clock);
  });
  afterEach(() => store.close());

  it('records a request as received, cleaned, open', async () => {
    const made = await requests.create(
      {
        unitCode: 'sttt',
        kind: 'create',
        documentNumber: '  125/STTT-VP '.normalize('NFD'),
        documentDate: '2026-12-01',
        subjectEmail: 'ThanhTV.STTT@binhphuoc.gov.vn',
        fullName: ' Trần Văn Thành '.normalize('NFD'),
        note: ' Cán bộ mới ',
      },
      clerk,
    );
    expect(made).toEqual({
      id: made.id,
      unitCode: 'sttt',
      kind: 'create',
      documentNumber: '125/STTT-VP',
      documentDate: '2026-12-01',
      subjectEmail: 'thanhtv.sttt@binhphuoc.gov.vn',
      fullName: 'Trần Văn Thành',
      note: 'Cán bộ mới',
      status: 'open',
      receivedAt: new Date(clock),
      recordedBy: clerk,
      doneAt: null,
      doneBy: null,
      outcome: null,
    });
    expect(await requests.get(made.id)).toEqual(made);
    expect(await requests.get(made.id + 1000)).toBeUndefined();
    const dated = await requests.create(
      {
        unitCode: 'snv',
        kind: 'revoke',
        documentNumber: '9/SNV',
        receivedAt: new Date(Date.UTC(2026, 0, 2)),
      },
      clerk,
    );
    expect(dated).toMatchObject({
      receivedAt: new Date(Date.UTC(2026, 0, 2)),
      subjectEmail: null,
      note: null,
    });
  });

  it('completes or rejects an open request once, with who and when', async () => {
    const a = await requests.create({ unitCode: 'sttt', kind: 'create', documentNumber: '1/A' }, clerk);
    const b = await requests.create({ unitCode: 'sttt', kind: 'revoke', documentNumber: '2/B' }, clerk);
    clock += 60_000;
    expect(await requests.complete(a.id, 'account_create thanhtv.sttt@binhphuoc.gov.vn', admin)).toBe(true);
    expect(await requests.complete(a.id, 'again', admin)).toBe(false);
    expect(await requests.reject(a.id, 'too late', admin)).toBe(false);
    expect(await requests.get(a.id)).toMatchObject({
      status: 'done',
      doneAt: new Date(clock),
      doneBy: admin,
      outcome: 'account_create thanhtv.sttt@binhphuoc.gov.vn',
    });
    expect(await requests.reject(b.id, ' Thiếu chữ ký '.normalize('NFD'), admin)).toBe(true);
    expect(await requests.get(b.id)).toMatchObject({ status: 'rejected', outcome: 'Thiếu chữ ký' });
    expect(await requests.complete(9999, 'x', admin)).toBe(false);
  });

  it('lists newest first, by status, unit and account', async () => {
    const at = (d: number) => new Date(Date.UTC(2026, 10, d));
    const one = await requests.create(
      {
        unitCode: 'sttt',
        kind: 'create',
        documentNumber: '1',
        subjectEmail: 'lan.sttt@x',
        receivedAt: at(1),
      },
      clerk,
    );
    const two = await requests.create(
      { unitCode: 'snv', kind: 'change', documentNumber: '2', subjectEmail: 'minh.snv@x', receivedAt: at(3) },
      clerk,
    );
    const three = await requests.create(
      {
        unitCode: 'sttt',
        kind: 'revoke',
        documentNumber: '3',
        subjectEmail: 'lan.sttt@x',
        receivedAt: at(3),
      },
      clerk,
    );
    await requests.complete(one.id, 'done', admin);
    const ids = (list: { id: number }[]) => list.map((r) => r.id);
    expect(ids(await requests.list())).toEqual([three.id, two.id, one.id]);
    expect(ids(await requests.list({ status: 'open' }))).toEqual([three.id, two.id]);
    expect(ids(await requests.list({ status: 'done' }))).toEqual([one.id]);
    expect(ids(await requests.list({ units: new Set(['sttt']) }))).toEqual([three.id, one.id]);
    expect(ids(await requests.list({ units: null }))).toEqual([three.id, two.id, one.id]);
    expect(ids(await requests.list({ email: 'LAN.sttt@x' }))).toEqual([three.id, one.id]);
    expect(
      ids(await requests.list({ email: 'lan.sttt@x', status: 'open', units: new Set(['snv']) })),
    ).toEqual([]);
  });
});
