import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/open-store';
import { openTestStore, STORE_ENGINES } from '../test-support/test-store';
import type { ParsedOutgoing } from './build-message';
import { createSigningRequests, SIGNING_REQUEST_TTL_MS } from './signing-requests';

const email = 'thanhtv.sttt@binhphuoc.gov.vn';
const composeId = '0f8e6a52-3b8e-4e0b-9c57-2f0d1c9a7b11';
const message: ParsedOutgoing = {
  composeId,
  to: [{ address: 'lanhnt.sgddt@binhphuoc.gov.vn' }],
  cc: [],
  bcc: [],
  subject: 'Công văn ký số',
  html: null,
  text: 'Nội dung',
  attachments: [],
};
const prepared = {
  message,
  messageId: '<a@binhphuoc.gov.vn>',
  header: Buffer.from('From: a@b\r\nSubject: x'),
  // Every byte value survives: the signature covers the entity byte for byte.
  entity: Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
};

describe.each(STORE_ENGINES)('signing requests (%s)', (engine) => {
  let store: Store;
  let now: number;
  beforeEach(async () => {
    store = await openTestStore(engine);
    now = 1_000_000;
  });
  afterEach(async () => {
    await store.close();
  });
  const requests = () => createSigningRequests(store.db, () => now);

  it('keeps the entity byte for byte, for its owner and compose window only', async () => {
    const r = requests();
    const { id, expiresAt } = await r.save(email, prepared);
    expect(expiresAt).toBe(now + SIGNING_REQUEST_TTL_MS);
    const got = await r.get(email.toUpperCase(), composeId, id);
    expect(got?.entity.equals(prepared.entity)).toBe(true);
    expect(got?.header.toString()).toBe('From: a@b\r\nSubject: x');
    expect(got?.message).toEqual(message);
    expect(await r.get('someone.else@binhphuoc.gov.vn', composeId, id)).toBeNull();
    expect(await r.get(email, '1f8e6a52-3b8e-4e0b-9c57-2f0d1c9a7b11', id)).toBeNull();
  });

  it('expires after the TTL and is purged; a sent window drops its requests', async () => {
    const r = requests();
    const { id } = await r.save(email, prepared);
    now += SIGNING_REQUEST_TTL_MS + 1;
    expect(await r.get(email, composeId, id)).toBeNull();
    expect(await r.purgeExpired()).toBe(1);
    const second = await r.save(email, prepared);
    await r.removeAll(email, composeId);
    expect(await r.get(email, composeId, second.id)).toBeNull();
  });
});
