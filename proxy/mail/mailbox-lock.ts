import type { Readable } from 'node:stream';
import type { ImapFlow, MailboxObject } from 'imapflow';
import { safeFileName } from '../../common/policy/file-name';
import { ApiError } from '../errors';

/**
 * Opens a folder under imapflow's lock for the duration of fn. A folder the server does not know
 * becomes `mailbox_not_found` instead of a generic failure.
 */
export async function withMailbox<T>(
  client: ImapFlow,
  path: string,
  fn: (mailbox: MailboxObject) => Promise<T>,
  options: { readOnly?: boolean } = {},
): Promise<T> {
  const lock = await lockMailbox(client, path, options);
  try {
    const mailbox = client.mailbox;
    if (!mailbox) throw new ApiError('mailbox_not_found', { mailbox: path });
    return await fn(mailbox);
  } finally {
    lock.release();
  }
}

export type MailboxLock = Awaited<ReturnType<ImapFlow['getMailboxLock']>>;

/** Takes the folder lock for callers that must hold it beyond one function (streamed downloads). */
export async function lockMailbox(
  client: ImapFlow,
  path: string,
  options: { readOnly?: boolean } = {},
): Promise<MailboxLock> {
  try {
    return await client.getMailboxLock(path, { readOnly: options.readOnly ?? false });
  } catch (err) {
    if ((err as { responseStatus?: string }).responseStatus === 'NO') {
      throw new ApiError('mailbox_not_found', { mailbox: path }, { cause: err });
    }
    throw err;
  }
}

/** Keeps the folder lock until a streamed download ends, fails or is closed; releases it once. */
export function releaseWhenDone(stream: Readable, lock: MailboxLock): void {
  let released = false;
  const release = () => {
    if (!released) {
      released = true;
      lock.release();
    }
  };
  stream.once('end', release);
  stream.once('error', release);
  stream.once('close', release);
}

/** A download's file name from a message subject: no path or reserved characters, NFC, bounded. */
export function fileNameFromSubject(subject: string | undefined, uid: number, extension: string): string {
  const clean = subject
    ?.normalize('NFC')
    .replace(/[\\/:*?"<>|\r\n]+/g, ' ')
    .trim();
  return safeFileName(`${(clean || `thu-${uid}`).slice(0, 120)}.${extension}`, `thu-${uid}.${extension}`);
}
