import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openStore, type Store, type StoreEngine } from '../store/open-store';

/** Both engines, for the store contract suites (`*.store.test.ts`): each test file runs on each. */
export const STORE_ENGINES: StoreEngine[] = ['sqlite', 'postgres'];

const URL_SCRIPT = fileURLToPath(new URL('../../scripts/postgres/postgres.sh', import.meta.url));
let cachedUrl: string | undefined;

/**
 * The test PostgreSQL's URL: TEST_DATABASE_URL, or the project's private cluster
 * (scripts/postgres/postgres.sh, started by `npm test`). Never skipped when it is missing: a
 * contract that silently ran on one engine would prove nothing about the other.
 */
export function testDatabaseUrl(): string {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  if (cachedUrl) return cachedUrl;
  try {
    cachedUrl = execFileSync('bash', [URL_SCRIPT, 'url'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('The test PostgreSQL is not set up: run `npm run pg:start` (npm test starts it).');
  }
  return cachedUrl;
}

async function onTestDatabase(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export interface PrivateSchema {
  schema: string;
  /** A DATABASE_URL whose every connection works in the schema (its search_path), as an operator's would in `public`. */
  url: string;
  drop(): Promise<void>;
}

/**
 * An empty schema of its own on the test PostgreSQL, for a store, a second pool on the same data
 * (a second instance) or whole proxies: suites and runs never see each other's rows.
 */
export async function privateSchema(prefix = 't'): Promise<PrivateSchema> {
  const schema = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await onTestDatabase(`CREATE SCHEMA "${schema}"`);
  const url = new URL(testDatabaseUrl());
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    schema,
    url: url.toString(),
    drop: () => onTestDatabase(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`),
  };
}

/**
 * A fresh, empty, migrated store on the engine: SQLite in memory, or a PostgreSQL schema of its
 * own (dropped by close).
 */
export async function openTestStore(engine: StoreEngine): Promise<Store> {
  if (engine === 'sqlite') return openStore({ dataDir: ':memory:' });
  const own = await privateSchema();
  const store = await openStore({ dataDir: ':memory:', databaseUrl: own.url, poolSize: 4 });
  return {
    ...store,
    async close() {
      await store.close();
      await own.drop();
    },
  };
}
