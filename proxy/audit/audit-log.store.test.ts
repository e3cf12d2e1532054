import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccountStore } from '../accounts/account-store';
import type { Store } from '../store/open-store';
import { openTestStore, STORE_ENGINES } from '../test-support/test-store';
import { type AuditAction, createAuditLog } from './audit-log';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe.each(STORE_ENGINES)('audit log on %s', (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(engine);
  });
  afterEach(() => store.close());

  it('records entries newest first and refuses to edit them', async () => {
    const db = store.db;
    let now = new Date('2026-11-29T03:00:00Z');
    const log = createAuditLog(db, () => now);
    await log.record({
      actor: 'a@b',
      email: 'a@b',
      action: 'login',
      outcome: 'invalid_credentials',
      ip: '10.0.0.1',
    });
    now = new Date('2026-11-29T03:01:00Z');
    await log.record({
      actor: 'a@b',
      email: 'a@b',
      action: 'login',
      outcome: 'ok',
      ip: '10.0.0.1',
      details: { ua: 'x' },
    });
    const entries = await log.forAccount('a@b');
    expect(entries.map((e) => e.outcome)).toEqual(['ok', 'invalid_credentials']);
    expect(entries[0]!.details).toEqual({ ua: 'x' });
    await expect(db.updateTable('audit_log').set({ outcome: 'ok' }).execute()).rejects.toThrow(/append-only/);
  });

  it('purges entries older than six months and keeps the rest (Đ7.1)', async () => {
    let now = new Date('2026-05-28T00:00:00Z');
    const log = createAuditLog(store.db, () => now);
    await log.record({ actor: 'a@b', email: 'a@b', action: 'login', outcome: 'ok' });
    now = new Date('2026-05-30T00:00:00Z');
    await log.record({ actor: 'a@b', email: 'a@b', action: 'logout', outcome: 'ok' });
    now = new Date('2026-11-29T00:00:00Z');
    expect(await log.purgeExpired(6)).toBe(1);
    expect((await log.forAccount('a@b')).map((e) => e.action)).toEqual(['logout']);
  });

  it('stays append-only on PostgreSQL even against TRUNCATE, while the purge deletes', async () => {
    let now = new Date('2026-05-01T00:00:00Z');
    const log = createAuditLog(store.db, () => now);
    await log.record({ actor: 'a@b', email: 'a@b', action: 'login', outcome: 'ok' });
    now = new Date('2026-11-29T00:00:00Z');
    if (engine === 'postgres') {
      await expect(sql`TRUNCATE audit_log`.execute(store.db)).rejects.toThrow(/append-only/);
    }
    await expect(store.db.updateTable('audit_log').set({ actor: 'x' }).execute()).rejects.toThrow(
      /append-only/,
    );
    expect(await log.purgeExpired(6)).toBe(1);
    expect(await log.forAccount('a@b')).toEqual([]);
  });

  describe('the viewer’s query (Đ7.1)', () => {
    // 16:59 UTC on 30/11 is 23:59 on 30/11 in Viet Nam; 17:00 UTC is already 1/12 there.
    const entries: [string, string, string, AuditAction, string][] = [
      ['2026-11-29T17:00:00Z', 'quantri@bp', 'thanhtv.sttt@bp', 'account_create', 'ok'],
      ['2026-11-30T16:59:00Z', 'thanhtv.sttt@bp', 'thanhtv.sttt@bp', 'login', 'invalid_credentials'],
      ['2026-11-30T17:00:00Z', 'quantri@bp', 'lanhnt.snv@bp', 'account_state', 'ok'],
      ['2026-12-01T02:00:00Z', 'lanhnt.snv@bp', 'lanhnt.snv@bp', 'login', 'ok'],
      ['2026-12-01T03:00:00Z', 'quantri@bp', 'hop_thu%.sttt@bp', 'password_reset', 'ok'],
    ];
    async function seeded() {
      const db = store.db;
      let now = new Date();
      const log = createAuditLog(db, () => now);
      for (const [at, actor, email, action, outcome] of entries) {
        now = new Date(at);
        await log.record({ actor, email, action, outcome, ip: '10.0.0.9' });
      }
      const accounts = createAccountStore(db);
      await accounts.setProfile('thanhtv.sttt@bp', { unitCode: 'sttt' });
      await accounts.setProfile('hop_thu%.sttt@bp', { unitCode: 'sttt' });
      await accounts.setProfile('lanhnt.snv@bp', { unitCode: 'snv' });
      return log;
    }
    const page = { offset: 0, limit: 50 };
    const emails = (r: { entries: { email: string; action: string }[] }) =>
      r.entries.map((e) => `${e.action}:${e.email}`);

    it('lists everything newest first with the total', async () => {
      const r = await (await seeded()).query({}, page);
      expect(r.total).toBe(5);
      expect(r.entries.map((e) => e.at.toISOString())).toEqual(
        entries.map((e) => new Date(e[0]).toISOString()).reverse(),
      );
    });

    it('filters by part of the address, case ignored, with LIKE wildcards taken literally', async () => {
      const log = await seeded();
      expect(emails(await log.query({ account: 'STTT' }, page))).toEqual([
        'password_reset:hop_thu%.sttt@bp',
        'login:thanhtv.sttt@bp',
        'account_create:thanhtv.sttt@bp',
      ]);
      expect(emails(await log.query({ account: 'u%' }, page))).toEqual(['password_reset:hop_thu%.sttt@bp']);
      expect((await log.query({ account: 'v_s' }, page)).total).toBe(0);
    });

    it('filters by action, outcome and actor', async () => {
      const log = await seeded();
      expect(emails(await log.query({ action: 'login' }, page))).toEqual([
        'login:lanhnt.snv@bp',
        'login:thanhtv.sttt@bp',
      ]);
      expect(emails(await log.query({ outcome: 'refused' }, page))).toEqual(['login:thanhtv.sttt@bp']);
      expect((await log.query({ outcome: 'ok' }, page)).total).toBe(4);
      expect((await log.query({ actor: 'quantri' }, page)).total).toBe(3);
      expect((await log.query({ action: 'login', outcome: 'ok' }, page)).total).toBe(1);
    });

    it('takes dates as days in Viet Nam, both ends included', async () => {
      const log = await seeded();
      expect(emails(await log.query({ from: '2026-11-30', to: '2026-11-30' }, page))).toEqual([
        'login:thanhtv.sttt@bp',
        'account_create:thanhtv.sttt@bp',
      ]);
      expect((await log.query({ from: '2026-12-01' }, page)).total).toBe(3);
      expect((await log.query({ to: '2026-11-29' }, page)).total).toBe(0);
    });

    it('pages with offset and limit, the total unchanged', async () => {
      const log = await seeded();
      const second = await log.query({}, { offset: 2, limit: 2 });
      expect(second.total).toBe(5);
      expect(emails(second)).toEqual(['account_state:lanhnt.snv@bp', 'login:thanhtv.sttt@bp']);
      expect((await collect(log.iterate({ action: 'login' }))).map((e) => e.email)).toEqual([
        'lanhnt.snv@bp',
        'thanhtv.sttt@bp',
      ]);
    });

    it('exports in batches, in order across equal instants, leaving the connection free meanwhile', async () => {
      const db = store.db;
      const at = new Date('2026-11-29T03:00:00Z');
      const log = createAuditLog(db, () => at);
      for (let i = 0; i < 7; i++)
        await log.record({ actor: 'a@b', email: `u${i}@b`, action: 'login', outcome: 'ok' });
      const seen: string[] = [];
      for await (const e of log.iterate({}, 3)) {
        seen.push(e.email);
        // A request arriving while a download streams still gets the database.
        if (seen.length === 1)
          await log.record({ actor: 'a@b', email: 'late@b', action: 'logout', outcome: 'ok' });
      }
      expect(seen).toEqual(['u6@b', 'u5@b', 'u4@b', 'u3@b', 'u2@b', 'u1@b', 'u0@b']);
    });

    it('shows a unit manager only entries about accounts of their units', async () => {
      const log = await seeded();
      expect(emails(await log.query({ units: ['snv'] }, page))).toEqual([
        'login:lanhnt.snv@bp',
        'account_state:lanhnt.snv@bp',
      ]);
      expect((await log.query({ units: [] }, page)).total).toBe(0);
      expect((await log.query({ units: null }, page)).total).toBe(5);
    });
  });
});
