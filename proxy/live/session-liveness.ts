import type { StoreDb } from '../store/open-store';

/**
 * Whether a session still exists, read without touching it: an open event stream is not user
 * activity, so it must not slide the idle expiry as every request through the session store does.
 */
export function createSessionLiveness(db: StoreDb, now: () => number = Date.now) {
  return async (idHash: string): Promise<boolean> => {
    const row = await db
      .selectFrom('sessions')
      .select('expires_at')
      .where('id_hash', '=', idHash)
      .executeTakeFirst();
    return row !== undefined && row.expires_at > now();
  };
}
