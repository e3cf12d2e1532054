import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ImapFlow } from 'imapflow';
import { removeMailUser, upsertMailUser } from '../../scripts/mailstack/mail-users';
import { maildirOf, resolveMailDomain } from '../../scripts/mailstack/paths';
import { withImapSession } from '../../scripts/seed/imap-append';

export interface FreshMailbox {
  email: string;
  password: string;
  /** Runs work as the owner on a connection of its own (not the proxy's pooled one). */
  imap: <T>(work: (client: ImapFlow) => Promise<T>) => Promise<T>;
  remove: () => void;
}

/**
 * A mailbox of the test's own on the shared mail stack, so that other tests running at the same
 * time never see its changes. `remove` deletes the login and the maildir.
 */
export function freshMailbox(prefix: string): FreshMailbox {
  const email = `${prefix}-${randomBytes(4).toString('hex')}@${resolveMailDomain()}`;
  const password = 'Lua#Hong2026';
  upsertMailUser({ email, password, quotaBytes: 2 * 1024 ** 3, suspendReason: null });
  return {
    email,
    password,
    imap: (work) => withImapSession({ email, password }, work),
    remove: () => {
      removeMailUser(email);
      // Best effort: a proxy's pooled connection may still have Dovecot writing its index there.
      try {
        rmSync(dirname(maildirOf(email)), { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      } catch {
        // left for the next mail-stack reset; the login is gone already
      }
    },
  };
}

export interface TestMessage {
  subject: string;
  from?: string;
  body?: string;
  messageId?: string;
  inReplyTo?: string;
  date?: Date;
  flags?: string[];
}

/** APPENDs messages in order (so UIDs rise with the array index); returns nothing. */
export async function appendMessages(
  client: ImapFlow,
  folder: string,
  messages: TestMessage[],
): Promise<void> {
  for (const [i, m] of messages.entries()) {
    const date = m.date ?? new Date(Date.UTC(2026, 10, 1, 8, 0, i));
    const headers = [
      `From: ${m.from ?? 'Văn thư <vanthu@binhphuoc.gov.vn>'}`,
      'To: nguoinhan@binhphuoc.gov.vn',
      `Subject: =?UTF-8?B?${Buffer.from(m.subject).toString('base64')}?=`,
      `Date: ${date.toUTCString()}`,
      `Message-ID: ${m.messageId ?? `<t${i}-${randomBytes(4).toString('hex')}@test>`}`,
      ...(m.inReplyTo ? [`In-Reply-To: ${m.inReplyTo}`, `References: ${m.inReplyTo}`] : []),
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
    ];
    const raw = Buffer.from(`${headers.join('\r\n')}\r\n\r\n${m.body ?? `Nội dung thư ${m.subject}`}\r\n`);
    const result = await client.append(folder, raw, m.flags ?? [], date);
    if (!result) throw new Error(`APPEND to ${folder} failed`);
  }
}
