import { ImapFlow } from 'imapflow';
import { mailStackPorts } from '../mailstack/paths';

export interface ImapLogin {
  email: string;
  password: string;
}

/** An IMAP session as the mailbox owner, closed whatever `work` does. */
export async function withImapSession<T>(
  login: ImapLogin,
  work: (client: ImapFlow) => Promise<T>,
): Promise<T> {
  const client = new ImapFlow({
    host: mailStackPorts.host,
    port: mailStackPorts.imap,
    secure: false,
    auth: { user: login.email, pass: login.password },
    logger: false,
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** Creates and subscribes folders that do not exist yet; parents must come before children. */
export async function ensureFolders(client: ImapFlow, folders: string[]): Promise<void> {
  const existing = new Set((await client.list()).map((m) => m.path));
  for (const folder of folders) {
    if (!existing.has(folder)) await client.mailboxCreate(folder);
    await client.mailboxSubscribe(folder);
  }
}

/** APPEND keeps flags and uses the Date header as INTERNALDATE, as an imported mail would. */
export async function appendMessage(
  client: ImapFlow,
  folder: string,
  raw: Buffer,
  flags: string[],
  internalDate: Date,
): Promise<void> {
  const result = await client.append(folder, raw, flags, internalDate);
  if (!result) throw new Error(`APPEND to ${folder} failed`);
}

/** Sets flags on INBOX mail delivered over LMTP (which cannot carry flags) by Message-ID. */
export async function flagByMessageId(client: ImapFlow, messageId: string, flags: string[]): Promise<void> {
  const lock = await client.getMailboxLock('INBOX');
  try {
    const uids = await client.search({ header: { 'message-id': messageId } }, { uid: true });
    if (!uids || uids.length === 0) throw new Error(`no INBOX message with Message-ID ${messageId}`);
    await client.messageFlagsAdd(uids, flags, { uid: true });
  } finally {
    lock.release();
  }
}
