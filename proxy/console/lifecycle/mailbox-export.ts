import { createWriteStream } from 'node:fs';
import { mkdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { DoveadmTarget } from '../../quota-warnings/doveadm-quota';
import { fetchTexts, listFolders, listMessages, type MessageStub } from './doveadm-mail';

export interface MailboxExport {
  /** File name under EXPORTS_DIR (default DATA_DIR/exports). */
  file: string;
  bytes: number;
  messages: number;
  folders: number;
}

/** A batch is fetched whole: at most this many messages, or this many bytes (one larger message alone). */
const BATCH_MESSAGES = 200;
const BATCH_BYTES = 4 * 1024 * 1024;

/**
 * Đ5.3b: before a mailbox is revoked its mail is handed over, so nothing is lost. Every folder
 * goes into one gzipped mbox (mboxrd: ">From " quoting that can be undone), each message headed by
 * `X-Folder:` with its folder's name, so an import can put it back where it was. Messages are
 * fetched from doveadm in bounded batches and streamed through gzip to the file: memory stays at
 * one batch, whatever the mailbox's size. The file appears under its name only when complete.
 */
export async function exportMailbox(
  target: DoveadmTarget,
  email: string,
  dir: string,
  now: Date = new Date(),
): Promise<MailboxExport> {
  await mkdir(dir, { recursive: true });
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  const file = `${email.replace(/[^a-z0-9._-]/gi, '_')}-${stamp}.mbox.gz`;
  const partial = path.join(dir, `.${file}.part`);
  let messages = 0;
  const folders = await listFolders(target, email);

  async function* mbox(): AsyncGenerator<string> {
    for (const folder of folders) {
      const stubs = await listMessages(target, email, folder);
      for (const batch of batches(stubs)) {
        const texts = await fetchTexts(
          target,
          email,
          folder,
          batch.map((m) => m.uid),
        );
        for (const stub of batch) {
          const text = texts.get(stub.uid);
          // Expunged between the listing and the fetch: nothing to keep.
          if (text === undefined) continue;
          messages += 1;
          yield mboxEntry(folder, stub, text);
        }
      }
    }
  }

  try {
    await pipeline(Readable.from(mbox()), createGzip(), createWriteStream(partial));
    await rename(partial, path.join(dir, file));
  } catch (error) {
    await unlink(partial).catch(() => undefined);
    throw error;
  }
  const { size } = await stat(path.join(dir, file));
  return { file, bytes: size, messages, folders: folders.length };
}

function* batches(stubs: MessageStub[]): Generator<MessageStub[]> {
  let batch: MessageStub[] = [];
  let bytes = 0;
  for (const stub of stubs) {
    if (batch.length > 0 && (batch.length >= BATCH_MESSAGES || bytes + stub.size > BATCH_BYTES)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(stub);
    bytes += stub.size;
  }
  if (batch.length > 0) yield batch;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The "From " line's date in asctime form, as mbox readers expect. */
function asctime(received: string): string {
  const d = new Date(`${received.replace(' ', 'T')}Z`);
  const at = Number.isNaN(d.getTime()) ? new Date(0) : d;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[at.getUTCDay()]} ${MONTHS[at.getUTCMonth()]} ${String(at.getUTCDate()).padStart(2, ' ')} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())} ${at.getUTCFullYear()}`;
}

export function mboxEntry(folder: string, stub: Pick<MessageStub, 'received'>, text: string): string {
  const body = text
    .replace(/\r\n/g, '\n')
    .replace(/^(>*From )/gm, '>$1')
    .replace(/\n?$/, '\n');
  return `From MAILER-DAEMON ${asctime(stub.received)}\nX-Folder: ${folder}\n${body}\n`;
}
