import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { open, seal } from '../auth/secret-box';
import type { StoreDb } from '../store/open-store';

/**
 * The console's second factor: TOTP (RFC 6238, 6 digits, 30 s — what every authenticator app
 * reads from a QR code) plus ten one-time recovery codes, stored as hashes. A code is accepted
 * once: the step it belongs to is remembered, so a code seen over a shoulder cannot be replayed.
 * Several instances may share the store, so "once" is decided by the database: a step is taken
 * and a recovery code spent by a conditional UPDATE, and only the request that changed the row
 * passes.
 */
const PERIOD = 30;
const RECOVERY_CODES = 10;
// No 0/O/1/l/I: the codes are printed and typed back by hand.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

interface FactorRow {
  /** Sealed secret as base64 text; a store written by older code may hold the raw bytes. */
  secret: string | Buffer;
  confirmed_at: number | null;
  last_step: number | null;
}

export type VerifyResult = 'ok' | 'invalid' | 'not_enrolled';

const hashCode = (code: string) =>
  createHash('sha256')
    .update(code.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .digest('hex');

const newRecoveryCodes = () =>
  Array.from({ length: RECOVERY_CODES }, () => {
    const raw = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
    return `${raw.slice(0, 5).join('')}-${raw.slice(5).join('')}`;
  });

export function createSecondFactors(
  db: StoreDb,
  dataKey: Buffer,
  issuer: string,
  now: () => number = Date.now,
) {
  const row = (email: string): Promise<FactorRow | undefined> =>
    db
      .selectFrom('second_factors')
      .select(['secret', 'confirmed_at', 'last_step'])
      .where('email', '=', email)
      .executeTakeFirst();
  const totpOf = (email: string, secret: string) =>
    new TOTP({ issuer, label: email, secret: Secret.fromBase32(secret), period: PERIOD });
  const secretOf = (r: FactorRow) =>
    open(typeof r.secret === 'string' ? Buffer.from(r.secret, 'base64') : r.secret, dataKey);

  /** The step `code` belongs to, or null; steps at or before the last accepted one are refused. */
  function codeStep(email: string, r: FactorRow, code: string): number | null {
    const secret = secretOf(r);
    if (!secret || !/^\d{6}$/.test(code)) return null;
    const at = now();
    const delta = totpOf(email, secret).validate({ token: code, timestamp: at, window: 1 });
    if (delta === null) return null;
    const step = Math.floor(at / 1000 / PERIOD) + delta;
    if (r.last_step !== null && step <= r.last_step) return null;
    return step;
  }

  return {
    async status(email: string): Promise<{ enrolled: boolean; recoveryCodesLeft: number }> {
      const r = await row(email);
      const { n } = await db
        .selectFrom('recovery_codes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('email', '=', email)
        .where('used_at', 'is', null)
        .executeTakeFirstOrThrow();
      return { enrolled: Boolean(r?.confirmed_at), recoveryCodesLeft: Number(n) };
    },

    /** A new secret, not yet in force: the QR code and the key to type by hand. */
    async begin(email: string): Promise<{ otpauthUri: string; secret: string; qrSvg: string }> {
      const secret = new Secret({ size: 20 }).base32;
      const sealed = seal(secret, dataKey).toString('base64');
      const at = now();
      await db
        .insertInto('second_factors')
        .values({ email, secret: sealed, created_at: at })
        .onConflict((oc) =>
          oc
            .column('email')
            .doUpdateSet({ secret: sealed, created_at: at, confirmed_at: null, last_step: null }),
        )
        .execute();
      const otpauthUri = totpOf(email, secret).toString();
      const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      return { otpauthUri, secret, qrSvg };
    },

    /** The first code typed back puts the factor in force and returns the recovery codes, once. */
    async confirm(email: string, code: string): Promise<string[] | 'invalid' | 'not_enrolled'> {
      const r = await row(email);
      if (!r) return 'not_enrolled';
      const step = codeStep(email, r, code.trim());
      if (step === null) return 'invalid';
      const codes = newRecoveryCodes();
      const taken = await db.transaction().execute(async (trx) => {
        const { numUpdatedRows } = await trx
          .updateTable('second_factors')
          .set({ confirmed_at: now(), last_step: step })
          .where('email', '=', email)
          .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
          .executeTakeFirst();
        if (numUpdatedRows !== 1n) return false;
        await trx.deleteFrom('recovery_codes').where('email', '=', email).execute();
        await trx
          .insertInto('recovery_codes')
          .values(codes.map((c) => ({ email, code_hash: hashCode(c), used_at: null })))
          .execute();
        return true;
      });
      return taken ? codes : 'invalid';
    },

    /** A TOTP code or an unused recovery code (which is then spent). */
    async verify(email: string, code: string): Promise<VerifyResult> {
      const r = await row(email);
      if (!r?.confirmed_at) return 'not_enrolled';
      const typed = code.trim();
      if (/^\d{6}$/.test(typed.replace(/\s/g, ''))) {
        const step = codeStep(email, r, typed.replace(/\s/g, ''));
        if (step === null) return 'invalid';
        // Another instance may have taken this step since the row was read: only one passes.
        const { numUpdatedRows } = await db
          .updateTable('second_factors')
          .set({ last_step: step })
          .where('email', '=', email)
          .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
          .executeTakeFirst();
        return numUpdatedRows === 1n ? 'ok' : 'invalid';
      }
      const { numUpdatedRows } = await db
        .updateTable('recovery_codes')
        .set({ used_at: now() })
        .where('email', '=', email)
        .where('code_hash', '=', hashCode(typed))
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return numUpdatedRows === 1n ? 'ok' : 'invalid';
    },

    /** An admin lost the phone and the codes: another admin (or the CLI) clears the factor. */
    async reset(email: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('second_factors').where('email', '=', email).execute();
        await trx.deleteFrom('recovery_codes').where('email', '=', email).execute();
      });
    },
  };
}

export type SecondFactors = ReturnType<typeof createSecondFactors>;
