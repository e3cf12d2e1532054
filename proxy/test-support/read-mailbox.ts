import { type ParsedMail, simpleParser } from 'mailparser';
import { type ImapLogin, withImapSession } from '../../scripts/seed/imap-append';

export interface MessageRead {
  uid: number;
  flags: Set<string> | undefined;
  parsed: ParsedMail;
}

/**
 * Every message of a folder as its owner sees it over IMAP, parsed: what a test checks arrived,
 * was kept in Sent or left Drafts. A folder that is empty (or does not exist yet) gives [].
 */
export async function messagesIn(login: ImapLogin, folder: string): Promise<MessageRead[]> {
  return withImapSession(login, async (client) => {
    const out: MessageRead[] = [];
    try {
      const lock = await client.getMailboxLock(folder);
      try {
        for await (const m of client.fetch('1:*', { source: true, uid: true, flags: true })) {
          if (m.source) out.push({ uid: m.uid, flags: m.flags, parsed: await simpleParser(m.source) });
        }
      } finally {
        lock.release();
      }
    } catch {
      // an empty folder has no 1:*, a missing one no lock
    }
    return out;
  });
}

export const subjectsIn = async (login: ImapLogin, folder: string) =>
  (await messagesIn(login, folder)).map((m) => m.parsed.subject ?? '');
