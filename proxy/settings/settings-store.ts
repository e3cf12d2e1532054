import type { StoreDb } from '../store/open-store';

/**
 * Per-user preferences in the policy store, one JSON value per key. Callers validate what they read
 * with their own zod schema (a value written by an older version may not match any more).
 */
export function createSettingsStore(db: StoreDb, now: () => number = Date.now) {
  /** One statement for all the keys, so that a change of several fields lands whole or not at all. */
  async function setMany(email: string, values: Record<string, unknown>): Promise<void> {
    const at = now();
    const rows = Object.entries(values).map(([key, value]) => ({
      email: email.toLowerCase(),
      key,
      value: JSON.stringify(value),
      updated_at: at,
    }));
    if (rows.length === 0) return;
    await db
      .insertInto('user_settings')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['email', 'key']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }

  return {
    async get(email: string, key: string): Promise<unknown> {
      const row = await db
        .selectFrom('user_settings')
        .select('value')
        .where('email', '=', email.toLowerCase())
        .where('key', '=', key)
        .executeTakeFirst();
      return row ? JSON.parse(row.value) : undefined;
    },
    /** Every key the user has set, in one read. */
    async getAll(email: string): Promise<Record<string, unknown>> {
      const rows = await db
        .selectFrom('user_settings')
        .select(['key', 'value'])
        .where('email', '=', email.toLowerCase())
        .execute();
      return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
    },
    async set(email: string, key: string, value: unknown): Promise<void> {
      await setMany(email, { [key]: value });
    },
    setMany,
  };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
