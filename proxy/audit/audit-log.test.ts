import { describe, expect, it } from 'vitest';
import { createAccountStore } from '../accounts/account-store';
import { openDatabase } from '../store/database';
import { type AuditAction, createAuditLog } from './audit-log';

describe('audit log', () => {
  it('records entries newest first and refuses to edit them', () => {
    const db = openDatabase(':memory:');
    let now = new Date('2026-11-29T03:00:00Z');
    const log = createAuditLog(db, () => now);
    log.record({
      actor: 'a@b',
      email: 'a@b',
      action: 'login',
      outcome: 'invalid_credentials',
      ip: '10.0.0.1',
    });
    now = new Date('2026-11-29T03:01:00Z');
    log.record({
      actor: 'a@b',
      email: 'a@b',
      action: 'login',
      outcome: 'ok',
      ip: '10.0.0.1',
      details: { ua: 'x' },
    });
    const entries = log.forAccount('a@b');
    expect(entries.map((e) => e.outcome)).toEqual(['ok', 'invalid_credentials']);
    expect(entries[0]!.details).toEqual({ ua: 'x' });
    expect(() => db.prepare("UPDATE audit_log SET outcome = 'ok'").run()).toThrow(/append-only/);
  });

  it('purges entries older than six months and keeps the rest (Đ7.1)', () => {
    let now = new Date('2026-05-28T00:00:00Z');
    const log = createAuditLog(openDatabase(':memory:'), () => now);
    log.record({ actor: 'a@b', email: 'a@b', action: 'login', outcome: 'ok' });
    now = new Date('2026-05-30T00:00:00Z');
    log.record({ actor: 'a@b', email: 'a@b', action: 'logout', outcome: 'ok' });
    now = new Date('2026-11-29T00:00:00Z');
    expect(log.purgeExpired(6)).toBe(1);
    expect(log.forAccount('a@b').map((e) => e.action)).toEqual(['logout']);
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
    function seeded() {
      const db = openDatabase(':memory:');
      let now = new Date();
      const log = createAuditLog(db, () => now);
      for (const [at, actor, email, action, outcome] of entries) {
        now = new Date(at);
        log.record({ actor, email, action, outcome, ip: '10.0.0.9' });
      }
      const accounts = createAccountStore(db);
      accounts.setProfile('thanhtv.sttt@bp', { unitCode: 'sttt' });
      accounts.setProfile('hop_thu%.sttt@bp', { unitCode: 'sttt' });
      accounts.setProfile('lanhnt.snv@bp', { unitCode: 'snv' });
      return log;
    }
    const page = { offset: 0, limit: 50 };
    const emails = (r: { entries: { email: string; action: string }[] }) =>
      r.entries.map((e) => `${e.action}:${e.email}`);

    it('lists everything newest first with the total', () => {
      const r = seeded().query({}, page);
      expect(r.total).toBe(5);
      expect(r.entries.map((e) => e.at.toISOString())).toEqual(
        entries.map((e) => new Date(e[0]).toISOString()).reverse(),
      );
    });

    it('filters by part of the address, case ignored, with LIKE wildcards taken literally', () => {
      const log = seeded();
      expect(emails(log.query({ account: 'STTT' }, page))).toEqual([
        'password_reset:hop_thu%.sttt@bp',
        'login:thanhtv.sttt@bp',
        'account_create:thanhtv.sttt@bp',
      ]);
      expect(emails(log.query({ account: 'u%' }, page))).toEqual(['password_reset:hop_thu%.sttt@bp']);
      expect(log.query({ account: 'v_s' }, page).total).toBe(0);
    });

    it('filters by action, outcome and actor', () => {
      const log = seeded();
      expect(emails(log.query({ action: 'login' }, page))).toEqual([
        'login:lanhnt.snv@bp',
        'login:thanhtv.sttt@bp',
      ]);
      expect(emails(log.query({ outcome: 'refused' }, page))).toEqual(['login:thanhtv.sttt@bp']);
      expect(log.query({ outcome: 'ok' }, page).total).toBe(4);
      expect(log.query({ actor: 'quantri' }, page).total).toBe(3);
      expect(log.query({ action: 'login', outcome: 'ok' }, page).total).toBe(1);
    });

    it('takes dates as days in Viet Nam, both ends included', () => {
      const log = seeded();
      expect(emails(log.query({ from: '2026-11-30', to: '2026-11-30' }, page))).toEqual([
        'login:thanhtv.sttt@bp',
        'account_create:thanhtv.sttt@bp',
      ]);
      expect(log.query({ from: '2026-12-01' }, page).total).toBe(3);
      expect(log.query({ to: '2026-11-29' }, page).total).toBe(0);
    });

    it('pages with offset and limit, the total unchanged', () => {
      const log = seeded();
      const second = log.query({}, { offset: 2, limit: 2 });
      expect(second.total).toBe(5);
      expect(emails(second)).toEqual(['account_state:lanhnt.snv@bp', 'login:thanhtv.sttt@bp']);
      expect([...log.iterate({ action: 'login' })].map((e) => e.email)).toEqual([
        'lanhnt.snv@bp',
        'thanhtv.sttt@bp',
      ]);
    });

    it('exports in batches, in order across equal instants, leaving the connection free meanwhile', () => {
      const db = openDatabase(':memory:');
      const at = new Date('2026-11-29T03:00:00Z');
      const log = createAuditLog(db, () => at);
      for (let i = 0; i < 7; i++)
        log.record({ actor: 'a@b', email: `u${i}@b`, action: 'login', outcome: 'ok' });
      const seen: string[] = [];
      for (const e of log.iterate({}, 3)) {
        seen.push(e.email);
        // A request arriving while a download streams still gets the database.
        if (seen.length === 1) log.record({ actor: 'a@b', email: 'late@b', action: 'logout', outcome: 'ok' });
      }
      expect(seen).toEqual(['u6@b', 'u5@b', 'u4@b', 'u3@b', 'u2@b', 'u1@b', 'u0@b']);
    });

    it('shows a unit manager only entries about accounts of their units', () => {
      const log = seeded();
      expect(emails(log.query({ units: ['snv'] }, page))).toEqual([
        'login:lanhnt.snv@bp',
        'account_state:lanhnt.snv@bp',
      ]);
      expect(log.query({ units: [] }, page).total).toBe(0);
      expect(log.query({ units: null }, page).total).toBe(5);
    });
  });
});
