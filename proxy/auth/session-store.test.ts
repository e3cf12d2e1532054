import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { newKey, open, seal } from './secret-box';
import { createSessionStore } from './session-store';

describe('secret box', () => {
  it('opens only with the key that sealed it', () => {
    const key = newKey();
    const box = seal('Thanh#Sttt2026', key);
    expect(box.toString('utf8')).not.toContain('Thanh#Sttt2026');
    expect(open(box, key)).toBe('Thanh#Sttt2026');
    expect(open(box, newKey())).toBeNull();
  });
});

describe('session store', () => {
  const times = { idleMs: 60_000, maxMs: 300_000 };

  it('never stores the password or the cookie in readable form', () => {
    const db = openDatabase(':memory:');
    const store = createSessionStore(db, times);
    const { cookie } = store.create('thanhtv.sttt@binhphuoc.gov.vn', 'Mật#Khẩu2026');
    const dump = JSON.stringify(db.prepare('SELECT * FROM sessions').all());
    expect(dump).not.toContain('Mật#Khẩu2026');
    expect(dump).not.toContain(cookie.split('.')[0]);
    expect(store.resolve(cookie)?.password).toBe('Mật#Khẩu2026');
  });

  it('rejects a forged key and an unknown id', () => {
    const store = createSessionStore(openDatabase(':memory:'), times);
    const { cookie } = store.create('a@b', 'pw');
    const [id] = cookie.split('.');
    expect(store.resolve(`${id}.${Buffer.alloc(32).toString('base64url')}`)).toBeNull();
    expect(store.resolve('nope.nope')).toBeNull();
    expect(store.resolve(undefined)).toBeNull();
  });

  it('expires after the idle time, slides while used, and ends at the absolute maximum', () => {
    let now = 1_000_000;
    const store = createSessionStore(openDatabase(':memory:'), times, () => now);
    const { cookie } = store.create('a@b', 'pw');
    now += 59_000;
    expect(store.resolve(cookie)).not.toBeNull(); // slides
    now += 59_000;
    expect(store.resolve(cookie)).not.toBeNull();
    now += 61_000;
    expect(store.resolve(cookie)).toBeNull(); // idle too long

    const second = store.create('a@b', 'pw');
    for (let i = 0; i < 5; i++) {
      now += 50_000;
      expect(store.resolve(second.cookie)).not.toBeNull();
    }
    now += 50_000; // 300 s after creation: past the 300 s maximum although never idle
    expect(store.resolve(second.cookie)).toBeNull();
  });

  it('writes the sliding expiry at most every tenth of the idle time, not on every request', () => {
    let now = 1_000_000;
    const db = openDatabase(':memory:');
    const store = createSessionStore(db, times, () => now);
    const { cookie } = store.create('a@b', 'pw');
    const lastSeen = () =>
      (db.prepare('SELECT last_seen_at FROM sessions').get() as { last_seen_at: number }).last_seen_at;
    now += 1_000;
    expect(store.resolve(cookie)).not.toBeNull();
    expect(lastSeen()).toBe(1_000_000);
    now += 5_000; // 6 s = a tenth of the 60 s idle time
    store.resolve(cookie);
    expect(lastSeen()).toBe(1_006_000);
  });

  it('survives reopening the database (a proxy restart)', () => {
    const dir = `/tmp/bp-session-test-${process.pid}`;
    const first = createSessionStore(openDatabase(dir), times);
    const { cookie } = first.create('a@b', 'pw');
    const second = createSessionStore(openDatabase(dir), times);
    expect(second.resolve(cookie)?.email).toBe('a@b');
  });
});
