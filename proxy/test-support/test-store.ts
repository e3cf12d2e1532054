import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { openStore, type Store, type StoreEngine } from '../store/open-store';

/** Both engines, for the store contract suites (`*.store.test.ts`): each test file runs on each. */
export const STORE_ENGINES: StoreEngine[] = ['sqlite', 'postgres'];

let cachedUrl: string | undefined;

/**
 * The test PostgreSQL's URL: TEST_DATABASE_URL, or the project's private cluster
 * (scripts/postgres/postgres.sh, started by `npm test`). Never skipped when it is missing: a
 * contract that silently ran on one engine would prove nothing about the other.
 */
export function testDatabaseUrl(): string {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  if (cachedUrl) return cachedUrl;
  const script = path.resolve(__dirname, '../../scripts/postgres/postgres.sh');
  try {
    cachedUrl = execFileSync('bash', [script, 'url'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('The test PostgreSQL is not set up: run `npm run pg:start` (npm test starts it).');
  }
  return cachedUrl;
}

/**
 * A fresh, empty, migrated store on the engine: SQLite in memory, or a PostgreSQL schema of its
 * own (dropped by close), so that suites never see each other's rows.
 */
export async function openTestStore(engine: StoreEngine): Promise<Store> {
  if (engine === 'sqlite') return openStore({ dataDir: ':memory:' });
  const url = testDatabaseUrl();
  const schema = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const store = await openStore({ dataDir: ':memory:', databaseUrl: url, pgSchema: schema, poolSize: 4 });
  return {
    ...store,
    async close() {
      await store.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
