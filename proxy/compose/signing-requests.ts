import { randomUUID } from 'node:crypto';
import type { StoreDb } from '../store/open-store';
import type { ParsedOutgoing } from './build-message';

/** Long enough to type a PIN or wait for a slow phone line; short, as nothing else needs it. */
export const SIGNING_REQUEST_TTL_MS = 10 * 60_000;

export interface SigningRequest {
  id: string;
  message: ParsedOutgoing;
  messageId: string;
  /** The outer header (From, To, Subject…), CRLF lines, without the blank line. */
  header: Buffer;
  /** The MIME entity the signature covers, byte for byte. */
  entity: Buffer;
  createdAt: number;
}

/**
 * Messages prepared for signing (Đ14.2h), in the store so that the signature may come back to
 * any instance. Only their owner reads them; they go once sent, or after the TTL.
 */
export function createSigningRequests(db: StoreDb, now: () => number = Date.now) {
  const owner = (email: string) => email.toLowerCase();
  return {
    async save(
      email: string,
      request: Omit<SigningRequest, 'id' | 'createdAt'>,
    ): Promise<{ id: string; expiresAt: number }> {
      const id = randomUUID();
      const at = now();
      await db
        .insertInto('signing_requests')
        .values({
          id,
          owner: owner(email),
          compose_id: request.message.composeId,
          message: JSON.stringify(request.message),
          message_id: request.messageId,
          header: request.header,
          entity: request.entity,
          created_at: at,
        })
        .execute();
      return { id, expiresAt: at + SIGNING_REQUEST_TTL_MS };
    },
    /** The request, if it is this user's, of this compose window, and not expired. */
    async get(email: string, composeId: string, id: string): Promise<SigningRequest | null> {
      const row = await db
        .selectFrom('signing_requests')
        .selectAll()
        .where('id', '=', id)
        .where('owner', '=', owner(email))
        .where('compose_id', '=', composeId)
        .where('created_at', '>=', now() - SIGNING_REQUEST_TTL_MS)
        .executeTakeFirst();
      if (!row) return null;
      return {
        id: row.id,
        message: JSON.parse(row.message) as ParsedOutgoing,
        messageId: row.message_id,
        header: row.header,
        entity: row.entity,
        createdAt: Number(row.created_at),
      };
    },
    /** A compose window's requests go when it is sent (any of them may have been the one). */
    async removeAll(email: string, composeId: string): Promise<void> {
      await db
        .deleteFrom('signing_requests')
        .where('owner', '=', owner(email))
        .where('compose_id', '=', composeId)
        .execute();
    },
    async purgeExpired(): Promise<number> {
      const result = await db
        .deleteFrom('signing_requests')
        .where('created_at', '<', now() - SIGNING_REQUEST_TTL_MS)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type SigningRequests = ReturnType<typeof createSigningRequests>;
