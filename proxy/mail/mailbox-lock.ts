import type { ImapFlow, MailboxObject } from 'imapflow';
import { ApiError } from '../http/api-error';

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
