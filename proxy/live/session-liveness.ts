import type { Db } from '../store/database';

/**
 * Whether a session still exists, read without touching it: an open event stream is not user
 * activity, so it must not slide the idle expiry as every request through the session store does.
 */
export function createSessionLiveness(db: Db, now: () => number = Date.now) {
  const byId = db.prepare('SELECT expires_at FROM sessions WHERE id_hash = ?');
  return (idHash: string): boolean => {
    const row = byId.get(idHash) as { expires_at: number } | undefined;
    return row !== undefined && row.expires_at > now();
  };
}
