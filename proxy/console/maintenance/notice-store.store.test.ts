import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../store/open-store';
import { openTestStore, STORE_ENGINES } from '../../test-support/test-store';
import { createNoticeStore, type NoticeStore } from './notice-store';

const admin = 'quantri.sttt@binhphuoc.gov.vn';
const day = (d: number, h = 0) => new Date(Date.UTC(2026, 11, d, h));

describe.each(STORE_ENGINES)('maintenance notices (Đ8.1c) on %s', (engine) => {
  let store: Store;
  let notices: NoticeStore;
  beforeEach(async () => {
    store = await openTestStore(engine);
    notices = createNoticeStore(store.db);
  });
  afterEach(() => store.close());

  const schedule = (startsAt: Date, endsAt: Date, message = 'Bảo trì máy chủ thư', at = day(1)) =>
    notices.create({ startsAt, endsAt, message }, admin, at);

  it('stores a notice as scheduled, the message in NFC and trimmed', async () => {
    const made = await schedule(day(10, 15), day(10, 17), ' Nâng cấp hệ thống '.normalize('NFD'));
    expect(made).toEqual({
      id: made.id,
      startsAt: day(10, 15),
      endsAt: day(10, 17),
      message: 'Nâng cấp hệ thống',
      createdBy: admin,
      createdAt: day(1),
      cancelledAt: null,
      cancelledBy: null,
    });
    expect(await notices.get(made.id)).toEqual(made);
    expect(await notices.get(made.id + 1000)).toBeUndefined();
  });

  it('cancels what is not over yet, once', async () => {
    const later = await schedule(day(10, 15), day(10, 17));
    const over = await schedule(day(2, 15), day(2, 17));
    expect(await notices.cancel(over.id, admin, day(3))).toBe(false);
    expect(await notices.cancel(later.id, admin, day(3))).toBe(true);
    expect(await notices.cancel(later.id, admin, day(4))).toBe(false);
    expect(await notices.get(later.id)).toMatchObject({ cancelledAt: day(3), cancelledBy: admin });
    expect(await notices.cancel(9999, admin, day(3))).toBe(false);
  });

  it('shows users what is scheduled and not over, soonest first', async () => {
    const b = await schedule(day(12, 15), day(12, 17));
    const a = await schedule(day(10, 15), day(10, 17));
    const running = await schedule(day(5, 0), day(5, 6));
    const cancelled = await schedule(day(11, 15), day(11, 17));
    await notices.cancel(cancelled.id, admin, day(2));
    await schedule(day(2, 15), day(2, 17));
    expect((await notices.visible(day(5, 3))).map((n) => n.id)).toEqual([running.id, a.id, b.id]);
    expect((await notices.visible(day(13))).map((n) => n.id)).toEqual([]);
  });

  it('gives the console what ended within the days kept, newest start first', async () => {
    const old = await schedule(new Date(Date.UTC(2026, 0, 1)), new Date(Date.UTC(2026, 0, 2)));
    const recent = await schedule(day(2, 15), day(2, 17));
    const cancelled = await schedule(day(11, 15), day(11, 17));
    await notices.cancel(cancelled.id, admin, day(3));
    const next = await schedule(day(20, 15), day(20, 17));
    expect((await notices.recent(day(5))).map((n) => n.id)).toEqual([next.id, cancelled.id, recent.id]);
    expect((await notices.recent(day(5), 400)).map((n) => n.id)).toEqual([
      next.id,
      cancelled.id,
      recent.id,
      old.id,
    ]);
    expect((await notices.recent(day(5), 180, 2)).map((n) => n.id)).toEqual([next.id, cancelled.id]);
  });
});
