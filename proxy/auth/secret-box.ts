import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * The proxy must log in to IMAP/SMTP again after a restart or an idle close, so it needs the user's
 * password, yet must never store it in plaintext. It is sealed with AES-256-GCM under a random key
 * that lives only in the user's cookie: the database alone cannot open it.
 */
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function newKey(): Buffer {
  return randomBytes(32);
}

export function seal(plaintext: string, key: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Returns null when the key does not open the box (wrong cookie, tampered row). */
export function open(box: Buffer, key: Buffer): string | null {
  if (box.length < IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, box.subarray(0, IV_BYTES));
    decipher.setAuthTag(box.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(box.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return null;
  }
}
