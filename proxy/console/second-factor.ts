import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { open, seal } from '../auth/secret-box';
import type { Db } from '../store/database';

/**
 * The console's second factor: TOTP (RFC 6238, 6 digits, 30 s — what every authenticator app
 * reads from a QR code) plus ten one-time recovery codes, stored as hashes. A code is accepted
 * once: the step it belongs to is remembered, so a code seen over a shoulder cannot be replayed.
 */
const PERIOD = 30;
const RECOVERY_CODES = 10;
// No 0/O/1/l/I: the codes are printed and typed back by hand.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

interface FactorRow {
  secret: Buffer;
  confirmed_at: number | null;
  last_step: number | null;
}

export type VerifyResult = 'ok' | 'invalid' | 'not_enrolled';

const hashCode = (code: string) =>
  createHash('sha256')
    .update(code.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .digest('hex');

export function createSecondFactors(db: Db, dataKey: Buffer, issuer: string, now: () => number = Date.now) {
  const byEmail = db.prepare('SELECT secret, confirmed_at, last_step FROM second_factors WHERE email = ?');
  const upsert = db.prepare(
    `INSERT INTO second_factors (email, secret, created_at) VALUES (?, ?, ?)
     ON CONFLICT(email) DO UPDATE SET secret = excluded.secret, created_at = excluded.created_at,
       confirmed_at = NULL, last_step = NULL`,
  );
  const confirm = db.prepare('UPDATE second_factors SET confirmed_at = ?, last_step = ? WHERE email = ?');
  const step = db.prepare('UPDATE second_factors SET last_step = ? WHERE email = ?');
  const removeFactor = db.prepare('DELETE FROM second_factors WHERE email = ?');
  const removeCodes = db.prepare('DELETE FROM recovery_codes WHERE email = ?');
  const addCode = db.prepare('INSERT INTO recovery_codes (email, code_hash) VALUES (?, ?)');
  const useCode = db.prepare(
    'UPDATE recovery_codes SET used_at = ? WHERE email = ? AND code_hash = ? AND used_at IS NULL',
  );
  const codesLeft = db.prepare(
    'SELECT COUNT(*) AS n FROM recovery_codes WHERE email = ? AND used_at IS NULL',
  );

  const row = (email: string) => byEmail.get(email) as FactorRow | undefined;
  const totpOf = (email: string, secret: string) =>
    new TOTP({ issuer, label: email, secret: Secret.fromBase32(secret), period: PERIOD });
  const secretOf = (r: FactorRow) => open(r.secret, dataKey);

  /** The accepted step for `code`, or null; steps at or before the last accepted one are refused. */
  function acceptedStep(email: string, r: FactorRow, code: string): number | null {
    const secret = secretOf(r);
    if (!secret || !/^\d{6}$/.test(code)) return null;
    const at = now();
    const delta = totpOf(email, secret).validate({ token: code, timestamp: at, window: 1 });
    if (delta === null) return null;
    const codeStep = Math.floor(at / 1000 / PERIOD) + delta;
    if (r.last_step !== null && codeStep <= r.last_step) return null;
    return codeStep;
  }

  return {
    status(email: string): { enrolled: boolean; recoveryCodesLeft: number } {
      const r = row(email);
      return {
        enrolled: Boolean(r?.confirmed_at),
        recoveryCodesLeft: (codesLeft.get(email) as { n: number }).n,
      };
    },

    /** A new secret, not yet in force: the QR code and the key to type by hand. */
    async begin(email: string): Promise<{ otpauthUri: string; secret: string; qrSvg: string }> {
      const secret = new Secret({ size: 20 }).base32;
      upsert.run(email, seal(secret, dataKey), now());
      const otpauthUri = totpOf(email, secret).toString();
      const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      return { otpauthUri, secret, qrSvg };
    },

    /** The first code typed back puts the factor in force and returns the recovery codes, once. */
    confirm(email: string, code: string): string[] | 'invalid' | 'not_enrolled' {
      const r = row(email);
      if (!r) return 'not_enrolled';
      const accepted = acceptedStep(email, r, code.trim());
      if (accepted === null) return 'invalid';
      const codes = Array.from({ length: RECOVERY_CODES }, () => {
        const raw = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
        return `${raw.slice(0, 5).join('')}-${raw.slice(5).join('')}`;
      });
      db.transaction(() => {
        confirm.run(now(), accepted, email);
        removeCodes.run(email);
        for (const c of codes) addCode.run(email, hashCode(c));
      })();
      return codes;
    },

    /** A TOTP code or an unused recovery code (which is then spent). */
    verify(email: string, code: string): VerifyResult {
      const r = row(email);
      if (!r?.confirmed_at) return 'not_enrolled';
      const typed = code.trim();
      if (/^\d{6}$/.test(typed.replace(/\s/g, ''))) {
        const accepted = acceptedStep(email, r, typed.replace(/\s/g, ''));
        if (accepted === null) return 'invalid';
        step.run(accepted, email);
        return 'ok';
      }
      return useCode.run(now(), email, hashCode(typed)).changes === 1 ? 'ok' : 'invalid';
    },

    /** An admin lost the phone and the codes: another admin (or the CLI) clears the factor. */
    reset(email: string): void {
      db.transaction(() => {
        removeFactor.run(email);
        removeCodes.run(email);
      })();
    },
  };
}

export type SecondFactors = ReturnType<typeof createSecondFactors>;
