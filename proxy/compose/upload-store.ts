import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { UploadedAttachment } from '../../common/contract';
import { safeFileName } from '../../common/policy/file-name';
import type { StoreDb } from '../store/open-store';

/**
 * Attachments waiting for a draft or a send, in the store's `uploads` table, so that whichever
 * instance gets the compose window's next request (the send) finds them. A compose window's files
 * go when it is sent or thrown away, or once nothing was added to it for the TTL.
 */
export interface UploadStore {
  save(
    email: string,
    composeId: string,
    file: { filename: string; contentType: string; stream: Readable },
    maxBytes: number,
  ): Promise<UploadedAttachment | { tooLarge: true }>;
  list(email: string, composeId: string): Promise<UploadedAttachment[]>;
  /** The file and its bytes, only to the user who uploaded it. */
  get(
    email: string,
    composeId: string,
    id: string,
  ): Promise<{ meta: UploadedAttachment; bytes: Buffer } | null>;
  remove(email: string, composeId: string, id: string): Promise<boolean>;
  removeAll(email: string, composeId: string): Promise<void>;
  /** Removes the compose windows nothing was added to for `ms`; returns how many. */
  purgeOlderThan(ms: number): Promise<number>;
}

const ID = /^[a-f0-9-]{36}$/;

export function createUploadStore(db: StoreDb, now: () => number = Date.now): UploadStore {
  const ownerOf = (email: string) => email.toLowerCase();
  const checked = (composeId: string) => {
    if (!ID.test(composeId)) throw new Error('invalid composeId');
    return composeId;
  };
  const window = (email: string, composeId: string) =>
    db.selectFrom('uploads').where('owner', '=', ownerOf(email)).where('compose_id', '=', checked(composeId));
  const metaOf = (row: { id: string; filename: string; content_type: string; size: number }) => ({
    id: row.id,
    filename: row.filename,
    contentType: row.content_type,
    size: Number(row.size),
  });

  return {
    async save(email, composeId, file, maxBytes) {
      checked(composeId);
      const chunks: Buffer[] = [];
      let size = 0;
      let tooLarge = false;
      try {
        // Counts as it streams: the upload stops at the first byte over the cap, so no more than
        // the cap and one chunk is ever held.
        await pipeline(file.stream, async (source: AsyncIterable<Buffer | string>) => {
          for await (const piece of source) {
            const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
            size += chunk.length;
            if (size > maxBytes) {
              tooLarge = true;
              throw new Error('attachment_too_large');
            }
            chunks.push(chunk);
          }
        });
      } catch (error) {
        if (tooLarge) {
          chunks.length = 0;
          file.stream.resume(); // drain what is left without keeping it
          return { tooLarge: true };
        }
        throw error;
      }
      const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
      chunks.length = 0;
      const meta: UploadedAttachment = {
        id: randomUUID(),
        filename: file.filename,
        contentType: file.contentType,
        size,
      };
      await db
        .insertInto('uploads')
        .values({
          id: meta.id,
          owner: ownerOf(email),
          compose_id: composeId,
          filename: meta.filename,
          content_type: meta.contentType,
          size,
          bytes,
          created_at: now(),
        })
        .execute();
      return meta;
    },

    async list(email, composeId) {
      const rows = await window(email, composeId)
        .select(['id', 'filename', 'content_type', 'size'])
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(metaOf);
    },

    async get(email, composeId, id) {
      if (!ID.test(id)) return null;
      const row = await window(email, composeId)
        .select(['id', 'filename', 'content_type', 'size', 'bytes'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? { meta: metaOf(row), bytes: row.bytes } : null;
    },

    async remove(email, composeId, id) {
      checked(composeId);
      if (!ID.test(id)) return false;
      const result = await db
        .deleteFrom('uploads')
        .where('owner', '=', ownerOf(email))
        .where('compose_id', '=', composeId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async removeAll(email, composeId) {
      await db
        .deleteFrom('uploads')
        .where('owner', '=', ownerOf(email))
        .where('compose_id', '=', checked(composeId))
        .execute();
    },

    async purgeOlderThan(ms) {
      const cutoff = now() - ms;
      // A window still being filled keeps all its files, as its last upload is recent.
      const idle = await db
        .selectFrom('uploads')
        .select(['owner', 'compose_id'])
        .groupBy(['owner', 'compose_id'])
        .having((eb) => eb.fn.max('created_at'), '<', cutoff)
        .execute();
      for (const w of idle) {
        await db
          .deleteFrom('uploads')
          .where('owner', '=', w.owner)
          .where('compose_id', '=', w.compose_id)
          .where('created_at', '<', cutoff)
          .execute();
      }
      return idle.length;
    },
  };
}

/**
 * "C:\\Users\\a\\Công văn 125.pdf" → "Công văn 125.pdf": path parts, bidi and invisible characters,
 * control characters and leading dots go, so what the user uploads goes out under a name that reads
 * as what it is.
 */
export function cleanFilename(raw: string): string {
  return safeFileName(raw, 'tep-dinh-kem');
}
