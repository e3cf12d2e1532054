import { describe, expect, it } from 'vitest';
import { type Migration, pendingMigrations, SchemaTooNewError } from './migrate';
import { postgresMigrations } from './migrations-postgres';
import { sqliteMigrations } from './migrations-sqlite';

const [one, two, three] = [1, 2, 3].map((version) => ({ version, sql: `-- ${version}` })) as [
  Migration,
  Migration,
  Migration,
];

describe('pendingMigrations', () => {
  it('runs what is missing, in order', () => {
    expect(pendingMigrations([three, one, two], [1]).map((m) => m.version)).toEqual([2, 3]);
  });

  it('refuses a store written by a newer release', () => {
    expect(() => pendingMigrations([one, two, three], [1, 2, 3, 4])).toThrow(SchemaTooNewError);
  });

  it('gives both engines the same versions', () => {
    expect(postgresMigrations.map((m) => m.version)).toEqual(sqliteMigrations.map((m) => m.version));
  });
});
