import type BetterSqlite3 from 'better-sqlite3';
import { openSqlite } from './open-store';

/** The synchronous SQLite handle, for repositories not yet written against the Store. */
export type Db = BetterSqlite3.Database;

export function openDatabase(dataDir: string, fileName = 'webmail.sqlite'): Db {
  const raw = openSqlite(dataDir, fileName).legacyRaw;
  if (!raw) throw new Error('unreachable: SQLite has a raw handle');
  return raw;
}
