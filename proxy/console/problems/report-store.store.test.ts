import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../store/open-store';
import { openTestStore, STORE_ENGINES } from '../../test-support/test-store';
import { createReportStore, type NewReportRow, type ReportStore } from './report-store';

const lan = 'lannt.sttt@binhphuoc.gov.vn';
const admin = 'quantri.sttt@binhphuoc.gov.vn';
const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 2, minute));

const fault = (note: string, reporter = lan): NewReportRow => ({
  reporter,
  kind: 'fault',
  note,
  mailbox: null,
  uid: null,
  messageId: null,
  subject: null,
  sender: null,
});

describe.each(STORE_ENGINES)('problem reports (Đ13.7) on %s', (engine) => {
  let store: Store;
  let reports: ReportStore;
  beforeEach(async () => {
    store = await openTestStore(engine);
    reports = createReportStore(store.db);
  });
  afterEach(() => store.close());

  it('stores a report open and not yet forwarded, texts in NFC, blanks as null', async () => {
    const made = await reports.create(
      {
        reporter: lan,
        kind: 'spam',
        note: '   ',
        mailbox: 'INBOX',
        uid: 42,
        messageId: '<a@b>',
        subject: ' Trúng thưởng '.normalize('NFD'),
        sender: 'Ngân hàng <x@ngan-hang.example>',
      },
      at(0),
    );
    expect(made).toEqual({
      id: made.id,
      reporter: lan,
      kind: 'spam',
      note: null,
      mailbox: 'INBOX',
      uid: 42,
      messageId: '<a@b>',
      subject: 'Trúng thưởng',
      sender: 'Ngân hàng <x@ngan-hang.example>',
      status: 'open',
      forwarded: false,
      createdAt: at(0).toISOString(),
      handledBy: null,
      handledAt: null,
      resolution: null,
    });
    await reports.markForwarded(made.id);
    expect(await reports.get(made.id)).toMatchObject({ forwarded: true });
    expect(await reports.get(made.id + 1000)).toBeUndefined();
  });

  it("counts a reporter's reports since a time, with the oldest of them", async () => {
    expect(await reports.recentBy(lan, at(0))).toEqual({ count: 0, oldest: null });
    await reports.create(fault('một'), at(1));
    await reports.create(fault('hai'), at(5));
    await reports.create(fault('ba'), at(9));
    await reports.create(fault('khác', admin), at(6));
    expect(await reports.recentBy(lan, at(0))).toEqual({ count: 3, oldest: at(1) });
    expect(await reports.recentBy(lan, at(2))).toEqual({ count: 2, oldest: at(5) });
  });

  it('lists open first, then in progress, then closed, newest first within each', async () => {
    const a = await reports.create(fault('a'), at(1));
    const b = await reports.create(fault('b'), at(2));
    const c = await reports.create({ ...fault('c'), kind: 'virus' }, at(3));
    const d = await reports.create(fault('d'), at(4));
    const e = await reports.create(fault('e'), at(4));
    await reports.setStatus(d.id, 'closed', 'xong', admin, at(10));
    await reports.setStatus(a.id, 'in_progress', null, admin, at(11));
    const ids = (list: { id: number }[]) => list.map((r) => r.id);
    expect(ids(await reports.list({}))).toEqual([e.id, c.id, b.id, a.id, d.id]);
    expect(ids(await reports.list({ status: 'open' }))).toEqual([e.id, c.id, b.id]);
    expect(ids(await reports.list({ kind: 'virus' }))).toEqual([c.id]);
    expect(ids(await reports.list({ status: 'closed', kind: 'fault' }))).toEqual([d.id]);
    expect(ids(await reports.list({}, 2))).toEqual([e.id, c.id]);
  });

  it('moves a report along with who and when, keeping a resolution not given again', async () => {
    const r = await reports.create(fault('lỗi'), at(0));
    expect(await reports.setStatus(r.id, 'in_progress', ' Đang xem '.normalize('NFD'), admin, at(5))).toBe(
      true,
    );
    expect(await reports.get(r.id)).toMatchObject({
      status: 'in_progress',
      resolution: 'Đang xem',
      handledBy: admin,
      handledAt: at(5).toISOString(),
    });
    expect(await reports.setStatus(r.id, 'closed', '  ', 'khac.sttt@binhphuoc.gov.vn', at(8))).toBe(true);
    expect(await reports.get(r.id)).toMatchObject({
      status: 'closed',
      resolution: 'Đang xem',
      handledBy: 'khac.sttt@binhphuoc.gov.vn',
      handledAt: at(8).toISOString(),
    });
    expect(await reports.setStatus(r.id + 1000, 'closed', null, admin, at(9))).toBe(false);
  });
});
