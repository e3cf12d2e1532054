import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, privateSchema, STORE_ENGINES } from '../test-support/test-store';
import { SCHEMA_VERSION } from './migrate';
import { sqliteMigrations } from './migrations-sqlite';
import { openSqlite, openStore, type Store } from './open-store';

describe.each(STORE_ENGINES)('the store on %s', (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(engine);
  });
  afterAll(() => store.close());

  it('is migrated to the version this code knows', async () => {
    const rows = await store.db.selectFrom('schema_migrations').select('version').execute();
    expect(Math.max(...rows.map((r) => Number(r.version)))).toBe(SCHEMA_VERSION);
    // Every version, each once (numbers may skip one that another branch of the schema took).
    expect(rows.map((r) => Number(r.version)).sort((a, b) => a - b)).toEqual(
      sqliteMigrations.map((m) => m.version),
    );
  });

  it('keeps the audit log append-only, and lets the retention purge delete', async () => {
    await store.db
      .insertInto('audit_log')
      .values({ at: 1, actor: 'a@x', email: 'a@x', action: 'login', outcome: 'ok' })
      .execute();
    await expect(store.db.updateTable('audit_log').set({ outcome: 'forged' }).execute()).rejects.toThrow(
      /append-only/,
    );
    const deleted = await store.db.deleteFrom('audit_log').where('at', '<', 2).executeTakeFirst();
    expect(Number(deleted.numDeletedRows)).toBe(1);
  });

  it('reads times and sizes back as numbers', async () => {
    const big = Date.UTC(2026, 11, 7) * 1;
    await store.db
      .insertInto('job_runs')
      .values({ job: 'j', slot: 's', instance: 'i', started_at: big })
      .execute();
    const row = await store.db.selectFrom('job_runs').selectAll().executeTakeFirstOrThrow();
    expect(row.started_at).toBe(big);
    const { n } = await store.db
      .selectFrom('job_runs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(1);
  });

  it('answers a ping', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });
});

describe('a store written by a newer release', () => {
  it('is refused at start on SQLite, with the versions in the message', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bp-store-'));
    try {
      const first = openSqlite(dir);
      await sql`INSERT INTO schema_migrations (version, applied_at) VALUES (${SCHEMA_VERSION + 1}, 'x')`.execute(
        first.db,
      );
      await first.close();
      expect(() => openSqlite(dir)).toThrow(
        new RegExp(`version ${SCHEMA_VERSION + 1}, newer than this release knows \\(${SCHEMA_VERSION}\\)`),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is refused at start on PostgreSQL', async () => {
    const own = await privateSchema('t_newer');
    const first = await openStore({ dataDir: ':memory:', databaseUrl: own.url });
    await sql`INSERT INTO schema_migrations (version, applied_at) VALUES (${SCHEMA_VERSION + 1}, 'x')`.execute(
      first.db,
    );
    await first.close();
    try {
      await expect(openStore({ dataDir: ':memory:', databaseUrl: own.url })).rejects.toThrow(
        new RegExp(`version ${SCHEMA_VERSION + 1}, newer than this release knows \\(${SCHEMA_VERSION}\\)`),
      );
    } finally {
      await own.drop();
    }
  });
});

describe('both engines', () => {
  it('have the same tables with the same columns', async () => {
    const lite = await openTestStore('sqlite');
    const post = await openTestStore('postgres');
    try {
      const { rows: liteRows } = await sql<{ t: string; c: string }>`
        SELECT m.name AS t, p.name AS c FROM sqlite_master m, pragma_table_info(m.name) p
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`.execute(lite.db);
      const { rows: postRows } = await sql<{ t: string; c: string }>`
        SELECT table_name AS t, column_name AS c FROM information_schema.columns
        WHERE table_schema = current_schema()`.execute(post.db);
      const shape = (rows: { t: string; c: string }[]) => rows.map((r) => `${r.t}.${r.c}`).sort();
      expect(shape(postRows)).toEqual(shape(liteRows));
      expect(shape(liteRows).length).toBeGreaterThan(100);
    } finally {
      await lite.close();
      await post.close();
    }
  });
});
