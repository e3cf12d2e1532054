import type { Db } from '../store/database';

/**
 * Per-user preferences in the policy store, one JSON value per key. Callers validate what they read
 * with their own zod schema (a value written by an older version may not match any more).
 */
export function createSettingsStore(db: Db, now: () => number = Date.now) {
  const read = db.prepare('SELECT value FROM user_settings WHERE email = ? AND key = ?');
  const write = db.prepare(
    `INSERT INTO user_settings (email, key, value, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(email, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  return {
    get(email: string, key: string): unknown {
      const row = read.get(email.toLowerCase(), key) as { value: string } | undefined;
      return row ? JSON.parse(row.value) : undefined;
    },
    set(email: string, key: string, value: unknown): void {
      write.run(email.toLowerCase(), key, JSON.stringify(value), now());
    },
  };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
