import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/open-store';
import { openTestStore, STORE_ENGINES } from '../test-support/test-store';
import { createSecondFactors } from './second-factor';

const email = 'quantri.sttt@binhphuoc.gov.vn';
const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);

describe.each(STORE_ENGINES)('second factors on %s', (engine) => {
  let store: Store;
  let clock: number;
  let dataKey: Buffer;
  const factors = (key = dataKey) => createSecondFactors(store.db, key, 'Thư công vụ', () => clock);
  const codeAt = (secret: string, at: number) =>
    new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at });

  beforeEach(async () => {
    store = await openTestStore(engine);
    clock = T0;
    dataKey = randomBytes(32);
  });
  afterEach(() => store.close());

  /** Enrolled and confirmed with the code of T0; the clock then moves a minute on. */
  async function enrolled(f = factors()) {
    const { secret } = await f.begin(email);
    const codes = await f.confirm(email, codeAt(secret, clock));
    if (!Array.isArray(codes)) throw new Error(`not confirmed: ${codes}`);
    clock += 60_000;
    return { f, secret, codes };
  }

  it('is not in force until the first code is typed back, then shows ten recovery codes once', async () => {
    const f = factors();
    expect(await f.status(email)).toEqual({ enrolled: false, recoveryCodesLeft: 0 });
    expect(await f.confirm(email, '123456')).toBe('not_enrolled');
    const { secret, otpauthUri, qrSvg } = await f.begin(email);
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(qrSvg).toContain('<svg');
    expect(await f.status(email)).toEqual({ enrolled: false, recoveryCodesLeft: 0 });
    expect(await f.verify(email, codeAt(secret, clock))).toBe('not_enrolled');
    expect(await f.confirm(email, '000000' === codeAt(secret, clock) ? '111111' : '000000')).toBe('invalid');
    const codes = await f.confirm(email, codeAt(secret, clock));
    expect(codes).toHaveLength(10);
    for (const c of codes as string[]) expect(c).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
    expect(await f.status(email)).toEqual({ enrolled: true, recoveryCodesLeft: 10 });
  });

  it('keeps the secret sealed: another data key does not open it', async () => {
    const { secret } = await enrolled();
    const row = await store.db.selectFrom('second_factors').select('secret').executeTakeFirstOrThrow();
    expect(String(row.secret)).not.toContain(secret);
    const other = factors(randomBytes(32));
    expect(await other.verify(email, codeAt(secret, clock))).toBe('invalid');
  });

  // Before the store took text on both engines, SQLite was given the sealed bytes as a BLOB.
  it.runIf(engine === 'sqlite')('still opens a secret an older version stored as raw bytes', async () => {
    const { f, secret } = await enrolled();
    const row = await store.db.selectFrom('second_factors').select('secret').executeTakeFirstOrThrow();
    const raw = Buffer.from(row.secret, 'base64');
    await store.db
      .updateTable('second_factors')
      .set({ secret: raw as unknown as string })
      .execute();
    expect(await f.verify(email, codeAt(secret, clock))).toBe('ok');
  });

  it('accepts a code once, the neighbouring step, and never an older step', async () => {
    const { f, secret } = await enrolled();
    const code = codeAt(secret, clock);
    expect(await f.verify(email, ` ${code.slice(0, 3)} ${code.slice(3)} `)).toBe('ok');
    expect(await f.verify(email, code)).toBe('invalid');
    // The code of the previous 30 s step is still in the window, but older than the one taken.
    expect(await f.verify(email, codeAt(secret, clock - 30_000))).toBe('invalid');
    clock += 30_000;
    // The app's clock a step behind the server's: accepted.
    expect(await f.verify(email, codeAt(secret, clock + 30_000))).toBe('ok');
    clock += 120_000;
    expect(await f.verify(email, codeAt(secret, clock - 120_000))).toBe('invalid');
    expect(await f.verify(email, 'abc')).toBe('invalid');
  });

  it('spends a recovery code once, whatever its case and dashes', async () => {
    const { f, codes } = await enrolled();
    const [first, second] = codes as [string, string];
    expect(await f.verify(email, first.toUpperCase().replace('-', ' '))).toBe('ok');
    expect(await f.verify(email, first)).toBe('invalid');
    expect(await f.status(email)).toEqual({ enrolled: true, recoveryCodesLeft: 9 });
    expect(await f.verify(email, second)).toBe('ok');
    expect(await f.verify(email, 'aaaaa-bbbbb')).toBe('invalid');
  });

  it('a new enrolment replaces the old factor; reset clears factor and codes', async () => {
    const { f, codes } = await enrolled();
    await f.begin(email);
    expect(await f.status(email)).toMatchObject({ enrolled: false });
    expect(await f.verify(email, (codes as string[])[0] as string)).toBe('not_enrolled');
    await f.reset(email);
    expect(await f.status(email)).toEqual({ enrolled: false, recoveryCodesLeft: 0 });
  });

  describe('two instances given the same code at the same moment', () => {
    // Two repositories on one store, as two proxies on one database: both read the row before
    // either writes, so only the conditional UPDATE can tell them apart.
    const twoInstances = () => [factors(), factors()] as const;

    it('let exactly one TOTP code through', async () => {
      const { secret } = await enrolled();
      const [a, b] = twoInstances();
      for (let round = 0; round < 5; round++) {
        const code = codeAt(secret, clock);
        const results = await Promise.all([a.verify(email, code), b.verify(email, code)]);
        expect(results.sort()).toEqual(['invalid', 'ok']);
        clock += 30_000;
      }
    });

    it('let exactly one use of a recovery code through', async () => {
      const { codes } = await enrolled();
      const [a, b] = twoInstances();
      for (const code of (codes as string[]).slice(0, 5)) {
        const results = await Promise.all([a.verify(email, code), b.verify(email, code)]);
        expect(results.sort()).toEqual(['invalid', 'ok']);
      }
      expect(await a.status(email)).toEqual({ enrolled: true, recoveryCodesLeft: 5 });
    });

    it('confirm an enrolment once, with one set of recovery codes', async () => {
      const [a, b] = twoInstances();
      const { secret } = await a.begin(email);
      const code = codeAt(secret, clock);
      const results = await Promise.all([a.confirm(email, code), b.confirm(email, code)]);
      const won = results.filter(Array.isArray);
      expect(won).toHaveLength(1);
      expect(results.filter((r) => r === 'invalid')).toHaveLength(1);
      expect(await b.status(email)).toEqual({ enrolled: true, recoveryCodesLeft: 10 });
      expect(await b.verify(email, (won[0] as string[])[0] as string)).toBe('ok');
    });
  });
});
