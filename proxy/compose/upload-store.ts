import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { UploadedAttachment } from '../../common/contract';

/**
 * Attachments waiting for a draft or a send, on disk under DATA_DIR/uploads/<user>/<composeId>/:
 * `<id>.bin` (the bytes) and `<id>.json` (name, type, size). Bytes are streamed in and out, never
 * held whole in memory. A compose window's files go when it is sent or after the TTL.
 */
export interface UploadStore {
  save(
    email: string,
    composeId: string,
    file: { filename: string; contentType: string; stream: Readable },
    maxBytes: number,
  ): Promise<UploadedAttachment | { tooLarge: true }>;
  list(email: string, composeId: string): Promise<UploadedAttachment[]>;
  get(
    email: string,
    composeId: string,
    id: string,
  ): Promise<{ meta: UploadedAttachment; file: string } | null>;
  remove(email: string, composeId: string, id: string): Promise<boolean>;
  removeAll(email: string, composeId: string): Promise<void>;
  purgeOlderThan(ms: number): Promise<number>;
}

const ID = /^[a-f0-9-]{36}$/;

export function createUploadStore(root: string): UploadStore {
  const userDir = (email: string) =>
    path.join(root, createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 32));
  const composeDir = (email: string, composeId: string) => {
    if (!ID.test(composeId)) throw new Error('invalid composeId');
    return path.join(userDir(email), composeId);
  };

  async function readMeta(dir: string, id: string): Promise<UploadedAttachment | null> {
    if (!ID.test(id)) return null;
    try {
      return JSON.parse(await readFile(path.join(dir, `${id}.json`), 'utf8')) as UploadedAttachment;
    } catch {
      return null;
    }
  }

  return {
    async save(email, composeId, file, maxBytes) {
      const dir = composeDir(email, composeId);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const id = randomUUID();
      const target = path.join(dir, `${id}.bin`);
      let size = 0;
      let tooLarge = false;
      // Counts as it streams: the upload stops at the first byte over the cap, never buffered whole.
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > maxBytes) {
            tooLarge = true;
            done(new Error('attachment_too_large'));
          } else done(null, chunk);
        },
      });
      try {
        await pipeline(file.stream, counter, createWriteStream(target, { mode: 0o600 }));
      } catch (error) {
        await rm(target, { force: true });
        if (tooLarge) {
          file.stream.resume(); // drain what is left without keeping it
          return { tooLarge: true };
        }
        throw error;
      }
      const meta: UploadedAttachment = { id, filename: file.filename, contentType: file.contentType, size };
      await writeFile(path.join(dir, `${id}.json`), JSON.stringify(meta), { mode: 0o600 });
      return meta;
    },

    async list(email, composeId) {
      const dir = composeDir(email, composeId);
      const names = await readdir(dir).catch(() => [] as string[]);
      const metas = await Promise.all(
        names.filter((n) => n.endsWith('.json')).map((n) => readMeta(dir, n.slice(0, -5))),
      );
      return metas.filter((m): m is UploadedAttachment => m !== null);
    },

    async get(email, composeId, id) {
      const dir = composeDir(email, composeId);
      const meta = await readMeta(dir, id);
      return meta ? { meta, file: path.join(dir, `${id}.bin`) } : null;
    },

    async remove(email, composeId, id) {
      const dir = composeDir(email, composeId);
      if (!(await readMeta(dir, id))) return false;
      await rm(path.join(dir, `${id}.bin`), { force: true });
      await rm(path.join(dir, `${id}.json`), { force: true });
      return true;
    },

    async removeAll(email, composeId) {
      await rm(composeDir(email, composeId), { recursive: true, force: true });
    },

    async purgeOlderThan(ms) {
      const cutoff = Date.now() - ms;
      let removed = 0;
      for (const user of await readdir(root).catch(() => [] as string[])) {
        for (const compose of await readdir(path.join(root, user)).catch(() => [] as string[])) {
          const dir = path.join(root, user, compose);
          const info = await stat(dir).catch(() => null);
          if (info && info.mtimeMs < cutoff) {
            await rm(dir, { recursive: true, force: true });
            removed++;
          }
        }
      }
      return removed;
    },
  };
}

/** "C:\\Users\\a\\Công văn 125.pdf" → "Công văn 125.pdf": path parts and control characters go. */
export function cleanFilename(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  return clean === '' || clean === '.' || clean === '..' ? 'tep-dinh-kem' : clean.slice(0, 255);
}
