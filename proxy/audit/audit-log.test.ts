import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { createAuditLog } from './audit-log';

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

  it('purges entries older than six months and keeps the rest (R-7.1)', () => {
    let now = new Date('2026-05-28T00:00:00Z');
    const log = createAuditLog(openDatabase(':memory:'), () => now);
    log.record({ actor: 'a@b', email: 'a@b', action: 'login', outcome: 'ok' });
    now = new Date('2026-05-30T00:00:00Z');
    log.record({ actor: 'a@b', email: 'a@b', action: 'logout', outcome: 'ok' });
    now = new Date('2026-11-29T00:00:00Z');
    expect(log.purgeExpired(6)).toBe(1);
    expect(log.forAccount('a@b').map((e) => e.action)).toEqual(['logout']);
  });
});
