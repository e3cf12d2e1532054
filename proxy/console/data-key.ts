import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A 32-byte key (DATA_KEY_FILE, by default DATA_DIR/secret.key, mode 0600) for secrets the proxy
 * itself must read back (the console's TOTP secrets): a copy of the database alone opens nothing.
 * Made at first start when the file is missing; keep it in the same backup as the database.
 * Instances sharing one database must all read the same key, so the same file is copied to every
 * instance: a key made on its own by a second instance would not open what the first sealed.
 */
export function loadDataKey(file: string): Buffer {
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
    return key;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
