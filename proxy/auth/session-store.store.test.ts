import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store, type StoreEngine } from '../store/open-store';
import { openTestStore, privateSchema, STORE_ENGINES } from '../test-support/test-store';
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

/** Two stores over the same data, as after a proxy restart or on two instances. */
async function twoStoresOnOneDatabase(engine: StoreEngine) {
  if (engine === 'sqlite') {
    const dir = `/tmp/bp-session-test-${process.pid}-${randomBytes(4).toString('hex')}`;
    const first = await openStore({ dataDir: dir });
    const second = await openStore({ dataDir: dir });
    return {
      first,
      second,
      async close() {
        await first.close();
        await second.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const own = await privateSchema();
  const options = { dataDir: ':memory:', databaseUrl: own.url, poolSize: 2 };
  const first = await openStore(options);
  const second = await openStore(options);
  return {
    first,
    second,
    async close() {
      await first.close();
      await second.close();
      await own.drop();
    },
  };
}

describe.each(STORE_ENGINES)('session store (%s)', (engine) => {
  const times = { idleMs: 60_000, maxMs: 300_000 };
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(engine);
  });
  afterEach(async () => {
    await store.close();
  });

  it('never stores the password or the cookie in readable form', async () => {
    const sessions = createSessionStore(store.db, times);
    const { cookie } = await sessions.create('thanhtv.sttt@binhphuoc.gov.vn', 'Mật#Khẩu2026');
    const rows = await store.db.selectFrom('sessions').selectAll().execute();
    const dump = JSON.stringify(rows.map((r) => ({ ...r, secret_box: r.secret_box.toString('utf8') })));
    expect(dump).not.toContain('Mật#Khẩu2026');
    expect(dump).not.toContain(cookie.split('.')[0]);
    expect((await sessions.resolve(cookie))?.password).toBe('Mật#Khẩu2026');
  });

  it('rejects a forged key and an unknown id', async () => {
    const sessions = createSessionStore(store.db, times);
    const { cookie } = await sessions.create('a@b', 'pw');
    const [id] = cookie.split('.');
    expect(await sessions.resolve(`${id}.${Buffer.alloc(32).toString('base64url')}`)).toBeNull();
    expect(await sessions.resolve('nope.nope')).toBeNull();
    expect(await sessions.resolve(undefined)).toBeNull();
  });

  it('expires after the idle time, slides while used, and ends at the absolute maximum', async () => {
    let now = 1_000_000;
    const sessions = createSessionStore(store.db, times, () => now);
    const { cookie } = await sessions.create('a@b', 'pw');
    now += 59_000;
    expect(await sessions.resolve(cookie)).not.toBeNull(); // slides
    now += 59_000;
    expect(await sessions.resolve(cookie)).not.toBeNull();
    now += 61_000;
    expect(await sessions.resolve(cookie)).toBeNull(); // idle too long

    const second = await sessions.create('a@b', 'pw');
    for (let i = 0; i < 5; i++) {
      now += 50_000;
      expect(await sessions.resolve(second.cookie)).not.toBeNull();
    }
    now += 50_000; // 300 s after creation: past the 300 s maximum although never idle
    expect(await sessions.resolve(second.cookie)).toBeNull();
  });

  it('writes the sliding expiry at most every tenth of the idle time, not on every request', async () => {
    let now = 1_000_000;
    const sessions = createSessionStore(store.db, times, () => now);
    const { cookie } = await sessions.create('a@b', 'pw');
    const lastSeen = async () =>
      (await store.db.selectFrom('sessions').select('last_seen_at').executeTakeFirstOrThrow()).last_seen_at;
    now += 1_000;
    expect(await sessions.resolve(cookie)).not.toBeNull();
    expect(await lastSeen()).toBe(1_000_000);
    now += 5_000; // 6 s = a tenth of the 60 s idle time
    await sessions.resolve(cookie);
    expect(await lastSeen()).toBe(1_006_000);
  });

  it('keeps the CSRF token and the second factor in the session row', async () => {
    let now = 1_000_000;
    const sessions = createSessionStore(store.db, times, () => now);
    const { cookie, csrfToken } = await sessions.create('a@b', 'pw');
    const first = await sessions.resolve(cookie);
    expect(first?.csrfToken).toBe(csrfToken);
    expect(first?.secondFactorAt).toBeNull();
    now += 1_000;
    await sessions.markSecondFactor(first!.idHash);
    expect((await sessions.resolve(cookie))?.secondFactorAt).toBe(1_001_000);
  });

  it('reseals after a password change, ends the other devices, counts and purges', async () => {
    let now = 1_000_000;
    const sessions = createSessionStore(store.db, times, () => now);
    const mine = await sessions.create('a@b', 'old');
    const other = await sessions.create('a@b', 'old');
    const someoneElse = await sessions.create('c@d', 'pw');
    const idHash = (await sessions.resolve(mine.cookie))!.idHash;
    await sessions.reseal(mine.cookie, 'new');
    expect((await sessions.resolve(mine.cookie))?.password).toBe('new');
    expect(await sessions.destroyOthers('a@b', idHash)).toBe(1);
    expect(await sessions.resolve(other.cookie)).toBeNull();
    expect(await sessions.countActive()).toBe(2);
    expect(await sessions.destroyAllFor('c@d')).toBe(1);
    expect(await sessions.resolve(someoneElse.cookie)).toBeNull();
    now += 61_000;
    expect(await sessions.countActive()).toBe(0);
    expect(await sessions.purgeExpired()).toBe(1);
    await sessions.destroy(idHash);
  });

  it('survives reopening the database (a proxy restart) and is seen by a second instance', async () => {
    const both = await twoStoresOnOneDatabase(engine);
    try {
      const first = createSessionStore(both.first.db, times);
      const { cookie } = await first.create('a@b', 'pw');
      const second = createSessionStore(both.second.db, times);
      expect((await second.resolve(cookie))?.email).toBe('a@b');
    } finally {
      await both.close();
    }
  });
});
