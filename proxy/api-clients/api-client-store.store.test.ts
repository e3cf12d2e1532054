import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/open-store';
import { openTestStore, STORE_ENGINES } from '../test-support/test-store';
import { createApiClientStore } from './api-client-store';

const base = {
  id: 'c1',
  unitCode: 'sttt',
  mailbox: 'sttt@binhphuoc.gov.vn',
  name: 'Hệ thống QLVB tỉnh',
  scopes: ['send', 'read:INBOX'],
  tokenHash: 'a'.repeat(64),
  tokenHint: 'bpk_AbCd',
  expiresAt: Date.UTC(2027, 11, 31),
  createdAt: 1_000,
  createdBy: 'hanhntm.sttt@binhphuoc.gov.vn',
};

describe.each(STORE_ENGINES)('API clients (%s)', (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(engine);
  });
  afterEach(async () => {
    await store.close();
  });

  it('keeps a client and finds it by its token hash only', async () => {
    const clients = createApiClientStore(store.db);
    await clients.insert(base);
    expect(await clients.byTokenHash(base.tokenHash)).toEqual({
      ...base,
      rotatedAt: null,
      revokedAt: null,
      lastUsedAt: null,
    });
    expect(await clients.byTokenHash('b'.repeat(64))).toBeNull();
    expect((await clients.list()).map((c) => c.name)).toEqual(['Hệ thống QLVB tỉnh']);
  });

  it('rotates to a new hash, so the old one finds nothing', async () => {
    const clients = createApiClientStore(store.db);
    await clients.insert(base);
    expect(await clients.rotate('c1', { hash: 'c'.repeat(64), hint: 'bpk_XyZw' }, 2_000)).toBe(true);
    expect(await clients.byTokenHash(base.tokenHash)).toBeNull();
    expect(await clients.byTokenHash('c'.repeat(64))).toMatchObject({
      rotatedAt: 2_000,
      tokenHint: 'bpk_XyZw',
    });
  });

  it('revokes once for good: a revoked client is not rotated back to life', async () => {
    const clients = createApiClientStore(store.db);
    await clients.insert(base);
    await clients.revoke('c1', 3_000);
    await clients.revoke('c1', 4_000);
    expect(await clients.get('c1')).toMatchObject({ revokedAt: 3_000 });
    expect(await clients.rotate('c1', { hash: 'd'.repeat(64), hint: 'x' }, 5_000)).toBe(false);
    await clients.touch('c1', 6_000);
    expect(await clients.get('c1')).toMatchObject({ lastUsedAt: 6_000, tokenHash: base.tokenHash });
  });

  it('refuses a second client with the same token hash', async () => {
    const clients = createApiClientStore(store.db);
    await clients.insert(base);
    await expect(clients.insert({ ...base, id: 'c2' })).rejects.toThrow();
  });
});
