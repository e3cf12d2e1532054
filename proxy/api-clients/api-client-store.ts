import type { Selectable } from 'kysely';
import type { StoreDb } from '../store/open-store';
import type { ApiClientsTable } from '../store/schema';

/** Đ14.2g: an API client as the proxy keeps it. The token is never here, only its SHA-256. */
export interface ApiClientRecord {
  id: string;
  unitCode: string;
  mailbox: string;
  name: string;
  scopes: string[];
  tokenHash: string;
  tokenHint: string;
  expiresAt: number;
  createdAt: number;
  createdBy: string;
  rotatedAt: number | null;
  revokedAt: number | null;
  lastUsedAt: number | null;
}

function fromRow(r: Selectable<ApiClientsTable>): ApiClientRecord {
  return {
    id: r.id,
    unitCode: r.unit_code,
    mailbox: r.mailbox,
    name: r.name,
    scopes: JSON.parse(r.scopes) as string[],
    tokenHash: r.token_hash,
    tokenHint: r.token_hint,
    expiresAt: Number(r.expires_at),
    createdAt: Number(r.created_at),
    createdBy: r.created_by,
    rotatedAt: r.rotated_at === null ? null : Number(r.rotated_at),
    revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
    lastUsedAt: r.last_used_at === null ? null : Number(r.last_used_at),
  };
}

export function createApiClientStore(db: StoreDb) {
  return {
    async insert(client: Omit<ApiClientRecord, 'rotatedAt' | 'revokedAt' | 'lastUsedAt'>): Promise<void> {
      await db
        .insertInto('api_clients')
        .values({
          id: client.id,
          unit_code: client.unitCode,
          mailbox: client.mailbox,
          name: client.name,
          scopes: JSON.stringify(client.scopes),
          token_hash: client.tokenHash,
          token_hint: client.tokenHint,
          expires_at: client.expiresAt,
          created_at: client.createdAt,
          created_by: client.createdBy,
          rotated_at: null,
          revoked_at: null,
          last_used_at: null,
        })
        .execute();
    },
    async list(): Promise<ApiClientRecord[]> {
      const rows = await db
        .selectFrom('api_clients')
        .selectAll()
        .orderBy('unit_code')
        .orderBy('name')
        .execute();
      return rows.map(fromRow);
    },
    async get(id: string): Promise<ApiClientRecord | null> {
      const row = await db.selectFrom('api_clients').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async byTokenHash(tokenHash: string): Promise<ApiClientRecord | null> {
      const row = await db
        .selectFrom('api_clients')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    /** A new token for a client that is not revoked; false when there is none such. */
    async rotate(id: string, token: { hash: string; hint: string }, at: number): Promise<boolean> {
      const result = await db
        .updateTable('api_clients')
        .set({ token_hash: token.hash, token_hint: token.hint, rotated_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    /** Revoked for good; revoking twice keeps the first time. */
    async revoke(id: string, at: number): Promise<void> {
      await db
        .updateTable('api_clients')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    },
    async touch(id: string, at: number): Promise<void> {
      await db.updateTable('api_clients').set({ last_used_at: at }).where('id', '=', id).execute();
    },
  };
}

export type ApiClientStore = ReturnType<typeof createApiClientStore>;
