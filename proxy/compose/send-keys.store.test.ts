import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SendResult } from '../../common/contract';
import { openStore, type Store } from '../store/open-store';
import { openTestStore, privateSchema, STORE_ENGINES } from '../test-support/test-store';
import { createSendKeys } from './send-keys';

const email = 'thanhtv.sttt@binhphuoc.gov.vn';
const key = '0f8e6a52-3b8e-4e0b-9c57-2f0d1c9a7b11';
const result: SendResult = {
  messageId: '<a@binhphuoc.gov.vn>',
  recipients: 2,
  sentCopySaved: true,
  refused: [],
};

describe.each(STORE_ENGINES)('send keys (%s)', (engine) => {
  let store: Store;
  let now: number;
  beforeEach(async () => {
    store = await openTestStore(engine);
    now = 1_000_000;
  });
  afterEach(async () => {
    await store.close();
  });
  const keys = () => createSendKeys(store.db, () => now);

  it('claims once; a retry while sending is busy, after sending gets the first result', async () => {
    const k = keys();
    expect(await k.claim(email, key)).toEqual({ state: 'claimed' });
    expect(await k.claim(email, key)).toEqual({ state: 'busy' });
    await k.sent(email, key, result);
    expect(await k.claim(email, key)).toEqual({ state: 'sent', result });
    expect(await k.claim('someone.else@binhphuoc.gov.vn', key)).toEqual({ state: 'claimed' });
  });

  it('lets a retry take over after a failure or a try that died mid-send', async () => {
    const k = keys();
    await k.claim(email, key);
    await k.failed(email, key);
    expect(await k.claim(email, key)).toEqual({ state: 'claimed' });
    now += 2 * 60_000 - 1;
    expect(await k.claim(email, key)).toEqual({ state: 'busy' });
    now += 2;
    expect(await k.claim(email, key)).toEqual({ state: 'claimed' });
  });

  it('of two requests racing with the same key, exactly one is claimed', async () => {
    // Two repositories, as on two instances; on PostgreSQL each claim has its own connection.
    const a = keys();
    const b = keys();
    for (let round = 0; round < 10; round++) {
      const k = `${key.slice(0, -2)}${String(round).padStart(2, '0')}`;
      const claims = await Promise.all([a.claim(email, k), b.claim(email, k), a.claim(email, k)]);
      expect(claims.filter((c) => c.state === 'claimed')).toHaveLength(1);
      // The same race for the take-over after a failure.
      await a.failed(email, k);
      const retries = await Promise.all([a.claim(email, k), b.claim(email, k)]);
      expect(retries.filter((c) => c.state === 'claimed')).toHaveLength(1);
    }
  });

  it('purges keys older than asked', async () => {
    const k = keys();
    await k.claim(email, key);
    now += 1000;
    expect(await k.purgeOlderThan(1000)).toBe(0);
    expect(await k.purgeOlderThan(999)).toBe(1);
  });
});

// Two instances on one PostgreSQL: separate pools, so the claims really run at the same moment.
describe('send keys on two PostgreSQL instances', () => {
  it('sends once when both get the same key at the same time', async () => {
    // Two pools on the same schema, as two instances of the proxy would open.
    const own = await privateSchema();
    const first = await openStore({ dataDir: ':memory:', databaseUrl: own.url, poolSize: 4 });
    const second = await openStore({ dataDir: ':memory:', databaseUrl: own.url, poolSize: 4 });
    try {
      const a = createSendKeys(first.db);
      const b = createSendKeys(second.db);
      for (let round = 0; round < 20; round++) {
        const k = `${key.slice(0, -2)}${String(round).padStart(2, '0')}`;
        const claims = await Promise.all([
          a.claim(email, k),
          b.claim(email, k),
          a.claim(email, k),
          b.claim(email, k),
        ]);
        expect(claims.filter((c) => c.state === 'claimed')).toHaveLength(1);
      }
    } finally {
      await second.close();
      await first.close();
      await own.drop();
    }
  });
});
