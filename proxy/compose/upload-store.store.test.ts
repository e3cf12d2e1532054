import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/open-store';
import { openTestStore, STORE_ENGINES } from '../test-support/test-store';
import { createUploadStore } from './upload-store';

const MiB = 1024 * 1024;
const CAP = 20 * MiB;
const thanh = 'thanhtv.sttt@binhphuoc.gov.vn';
const hue = 'hue.nt@binhphuoc.gov.vn';

/**
 * A file arriving in 64 KiB pieces, as a multipart part does; counts what was read of it (the
 * stream itself reads one piece ahead).
 */
function arriving(bytes: Buffer) {
  const state = { read: 0 };
  async function* pieces() {
    for (let at = 0; at < bytes.length; at += 64 * 1024) {
      const piece = bytes.subarray(at, at + 64 * 1024);
      state.read += piece.length;
      yield piece;
    }
  }
  return { stream: Readable.from(pieces(), { highWaterMark: 1 }), state };
}

const file = (bytes: Buffer, filename = 'Công văn 125.pdf') => ({
  filename,
  contentType: 'application/pdf',
  stream: arriving(bytes).stream,
});

describe.each(STORE_ENGINES)('upload store (%s)', (engine) => {
  let store: Store;
  let now: number;
  beforeEach(async () => {
    store = await openTestStore(engine);
    now = 1_000_000;
  });
  afterEach(async () => {
    await store.close();
  });
  const uploads = () => createUploadStore(store.db, () => now);

  it('keeps a 20 MB attachment byte for byte, read back from any instance', async () => {
    const bytes = randomBytes(CAP);
    const t0 = performance.now();
    const saved = await uploads().save(thanh, randomUUID(), file(bytes), CAP);
    const savedMs = performance.now() - t0;
    if ('tooLarge' in saved) throw new Error('20 MB is within the cap');
    expect(saved).toMatchObject({ filename: 'Công văn 125.pdf', contentType: 'application/pdf', size: CAP });
    const composeId = (await store.db.selectFrom('uploads').select('compose_id').executeTakeFirstOrThrow())
      .compose_id;
    const t1 = performance.now();
    // A second repository over the same store: another instance serving the send.
    const got = await createUploadStore(store.db).get(thanh, composeId, saved.id);
    const readMs = performance.now() - t1;
    expect(got?.meta).toEqual(saved);
    expect(got?.bytes.equals(bytes)).toBe(true);
    console.log(`[upload-store ${engine}] 20 MB save ${savedMs.toFixed(0)} ms, read ${readMs.toFixed(0)} ms`);
  });

  it('refuses at the first byte over the cap, reading no further than the piece that crossed it', async () => {
    const composeId = randomUUID();
    const over = arriving(randomBytes(CAP + 1));
    const result = await uploads().save(
      thanh,
      composeId,
      { filename: 'a.pdf', contentType: 'application/pdf', stream: over.stream },
      CAP,
    );
    expect(result).toEqual({ tooLarge: true });
    expect(over.state.read).toBeLessThanOrEqual(CAP + 2 * 64 * 1024);
    expect(await uploads().list(thanh, composeId)).toEqual([]);

    const small = arriving(randomBytes(3 * MiB));
    expect(
      await uploads().save(
        thanh,
        composeId,
        { filename: 'b.pdf', contentType: 'x/y', stream: small.stream },
        MiB,
      ),
    ).toEqual({ tooLarge: true });
    expect(small.state.read).toBeLessThanOrEqual(MiB + 2 * 64 * 1024);
  });

  it('lists, removes and empties a compose window, only for its owner', async () => {
    const u = uploads();
    const composeId = randomUUID();
    const first = await u.save(thanh, composeId, file(Buffer.from('một'), 'mot.txt'), CAP);
    now += 1;
    const second = await u.save(thanh, composeId, file(Buffer.from('hai'), 'hai.txt'), CAP);
    if ('tooLarge' in first || 'tooLarge' in second) throw new Error('small files fit');
    expect((await u.list(thanh, composeId)).map((a) => a.filename)).toEqual(['mot.txt', 'hai.txt']);
    expect((await u.list('ThanhTV.Sttt@binhphuoc.gov.vn', composeId)).length).toBe(2);

    // Another user knowing both ids reads, lists and removes nothing.
    expect(await u.get(hue, composeId, first.id)).toBeNull();
    expect(await u.list(hue, composeId)).toEqual([]);
    expect(await u.remove(hue, composeId, first.id)).toBe(false);
    await u.removeAll(hue, composeId);
    expect(await u.list(thanh, composeId)).toHaveLength(2);
    // Nor in another compose window of the owner.
    expect(await u.get(thanh, randomUUID(), first.id)).toBeNull();

    expect(await u.get(thanh, composeId, 'not-an-id')).toBeNull();
    expect(await u.remove(thanh, composeId, 'not-an-id')).toBe(false);
    await expect(u.list(thanh, '../../etc')).rejects.toThrow('invalid composeId');
    await expect(u.save(thanh, 'x', file(Buffer.from('a')), CAP)).rejects.toThrow('invalid composeId');

    expect(await u.remove(thanh, composeId, first.id)).toBe(true);
    expect(await u.remove(thanh, composeId, first.id)).toBe(false);
    expect((await u.get(thanh, composeId, second.id))?.bytes.toString()).toBe('hai');
    await u.removeAll(thanh, composeId);
    expect(await u.list(thanh, composeId)).toEqual([]);
  });

  it('purges the compose windows nothing was added to for the TTL', async () => {
    const u = uploads();
    const idle = randomUUID();
    const busy = randomUUID();
    await u.save(thanh, idle, file(Buffer.from('cũ')), CAP);
    await u.save(hue, busy, file(Buffer.from('cũ')), CAP);
    now += 50_000;
    await u.save(hue, busy, file(Buffer.from('mới')), CAP);
    now += 20_000;
    expect(await u.purgeOlderThan(60_000)).toBe(1);
    expect(await u.list(thanh, idle)).toEqual([]);
    expect(await u.list(hue, busy)).toHaveLength(2);
    now += 60_000;
    expect(await u.purgeOlderThan(60_000)).toBe(1);
    expect(await u.list(hue, busy)).toEqual([]);
  });
});
