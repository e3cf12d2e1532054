import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { migratePostgres, migrateSqlite } from './migrate';
import type { StoreSchema } from './schema';

export type StoreDb = Kysely<StoreSchema>;
export type StoreEngine = 'sqlite' | 'postgres';

/**
 * The policy store: what the mail provider does not keep (sessions, throttles, accounts' policy
 * state, audit, uploads waiting for a send, job runs…). Never mail, never a plaintext password.
 * Repositories (session-store.ts, account-store.ts…) are written once against `db`, a Kysely
 * query builder; the engine is SQLite in one file (the default, for one instance and the demo) or
 * PostgreSQL (`DATABASE_URL=postgres://…`, for two or more instances sharing it).
 */
export interface Store {
  db: StoreDb;
  engine: StoreEngine;
  /** A round trip to the database, for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** SQLite's directory (the file is `webmail.sqlite` in it), or ':memory:'. */
  dataDir: string;
  /** postgres://… selects PostgreSQL; empty keeps SQLite. */
  databaseUrl?: string;
  poolSize?: number;
}

export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  return openSqlite(options.dataDir);
}

export function openSqlite(dataDir: string, fileName = 'webmail.sqlite'): Store {
  const file = dataDir === ':memory:' ? ':memory:' : path.join(dataDir, fileName);
  if (file !== ':memory:') mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const raw = new BetterSqlite3(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  // A sliding session expiry is written on many requests; NORMAL keeps WAL safe across a crash
  // of the process (not of the machine) without an fsync per commit.
  raw.pragma('synchronous = NORMAL');
  migrateSqlite(raw);
  const db = new Kysely<StoreSchema>({ dialect: new SqliteDialect({ database: raw }) });
  return {
    db,
    engine: 'sqlite',
    async ping() {
      raw.prepare('SELECT 1').get();
    },
    close: () => db.destroy(),
  };
}

// BIGINT (int8) and NUMERIC-free COUNT(*) come back as JavaScript numbers, as on SQLite: every
// value stored is a millisecond time, a size or a count, far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));

async function openPostgres(url: string, options: StoreOptions): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // A query stuck behind a dead server must not hold a request for minutes.
    query_timeout: 15_000,
  });
  // An idle client whose server went away emits 'error' on the pool: without a listener that
  // would end the process; the next checkout simply reconnects.
  pool.on('error', () => undefined);
  await migratePostgres(pool);
  const db = new Kysely<StoreSchema>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
    async ping() {
      await sql`SELECT 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}
