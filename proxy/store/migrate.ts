import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import { postgresMigrations } from './migrations-postgres';
import { sqliteMigrations } from './migrations-sqlite';

export interface Migration {
  version: number;
  sql: string;
}

/** The schema version this code writes and reads; a store ahead of it is refused. */
export const SCHEMA_VERSION = Math.max(...sqliteMigrations.map((m) => m.version));

/** A store written by a newer release: running older code on it could lose or misread data. */
export class SchemaTooNewError extends Error {
  readonly code = 'schema_too_new';
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `The store's schema is version ${found}, newer than this release knows (${known}). ` +
        'Run the release that wrote it (or a newer one), or restore the backup taken before the upgrade. ' +
        `Cơ sở dữ liệu có lược đồ phiên bản ${found}, mới hơn bản này (${known}): hãy chạy bản mới hơn hoặc khôi phục bản sao lưu.`,
    );
  }
}

/** Which migrations remain to run, in order; throws when the store is ahead of the code. */
export function pendingMigrations(all: Migration[], applied: number[]): Migration[] {
  const known = Math.max(0, ...all.map((m) => m.version));
  const newest = Math.max(0, ...applied);
  if (newest > known) throw new SchemaTooNewError(newest, known);
  const done = new Set(applied);
  return [...all].sort((a, b) => a.version - b.version).filter((m) => !done.has(m.version));
}

const CREATE_TABLE =
  'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)';

/** Each migration and its record in one transaction: a failed step leaves the previous version. */
export function migrateSqlite(db: BetterSqlite3.Database): void {
  db.exec(CREATE_TABLE);
  const applied = db
    .prepare('SELECT version FROM schema_migrations')
    .all()
    .map((r) => (r as { version: number }).version);
  for (const m of pendingMigrations(sqliteMigrations, applied)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(
        m.version,
        new Date().toISOString(),
      );
    })();
  }
}

/** Any number of proxies may start at once: an advisory lock lets one migrate, the rest wait. */
const MIGRATION_LOCK = 7_305_117_001;

export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    for (const m of pendingMigrations(
      postgresMigrations,
      rows.map((r) => Number(r.version)),
    )) {
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
          m.version,
          new Date().toISOString(),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
