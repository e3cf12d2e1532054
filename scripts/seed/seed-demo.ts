import { execFileSync } from 'node:child_process';
import { type MailStackPaths, maildirOf, mailStackPaths } from '../mailstack/paths';
import { syncDemoUsers } from '../mailstack/sync-users';
import { type DemoAccount, readDemoAccounts } from './demo-accounts';
import { DEMO_MAILBOXES, type DemoMailbox } from './demo-mailboxes';
import { appendMessage, ensureFolders, flagByMessageId, withImapSession } from './imap-append';
import { deliverViaLmtp } from './lmtp-delivery';
import {
  dateShiftDays,
  envelopeSenderOf,
  messageDate,
  messageIdOf,
  readMailFixture,
  shiftDays,
  withMessageDate,
} from './mail-fixtures';
import { resetMailbox } from './mailbox-reset';
import { backdateArrivalsToDateHeader } from './maildir-writer';

export interface SeedDemoOptions {
  accounts?: DemoAccount[];
  mailboxes?: DemoMailbox[];
  /** Default true: put the demo accounts back as accounts.json says before seeding. */
  resetAccounts?: boolean;
  /** Default: move every fixture date by whole days so the newest is from the last 24 hours. */
  shiftDates?: boolean;
  now?: Date;
  paths?: MailStackPaths;
}

export interface SeededFolder {
  folder: string;
  messages: number;
  unseen: number;
}

export interface SeededMailbox {
  email: string;
  folders: SeededFolder[];
}

export interface SeedDemoSummary {
  mailboxes: SeededMailbox[];
  shiftedByDays: number;
  elapsedMs: number;
}

interface PreparedMessage {
  raw: Buffer;
  date: Date;
  flags: string[];
  messageId: string;
}

/**
 * Empties the demo mailboxes and fills them again from the fixtures: INBOX over LMTP (real
 * delivery), other folders with IMAP APPEND as the owner, then flags by Message-ID. Safe to run
 * any number of times; the result is the same apart from dates, which follow the clock.
 */
export async function seedDemoMail(options: SeedDemoOptions = {}): Promise<SeedDemoSummary> {
  const started = Date.now();
  const paths = options.paths ?? mailStackPaths;
  const accounts = options.accounts ?? readDemoAccounts();
  const mailboxes = options.mailboxes ?? DEMO_MAILBOXES;
  const accountOf = (email: string) => {
    const account = accounts.find((a) => a.email === email);
    if (!account) throw new Error(`${email} is seeded but missing from accounts.json`);
    return account;
  };
  for (const mailbox of mailboxes) checkSeedable(mailbox, accountOf(mailbox.email));
  // A test may have changed a demo password or suspension; the seed logs in with accounts.json.
  if (options.resetAccounts !== false) syncDemoUsers({ paths });

  const files = new Set(
    mailboxes.flatMap((m) =>
      Object.values(m.folders)
        .flat()
        .map((msg) => msg.file),
    ),
  );
  const fixtures = new Map([...files].map((file) => [file, readMailFixture(file)]));
  const shiftedByDays =
    options.shiftDates === false
      ? 0
      : dateShiftDays([...fixtures.values()].map(messageDate), options.now ?? new Date());

  const prepared = (mailbox: DemoMailbox, folder: string): PreparedMessage[] =>
    (mailbox.folders[folder] ?? [])
      .map((msg) => {
        const fixture = fixtures.get(msg.file) as Buffer;
        const date = shiftDays(messageDate(fixture), shiftedByDays);
        const messageId = messageIdOf(fixture);
        if (!messageId) throw new Error(`${msg.file} has no Message-ID`);
        return { raw: withMessageDate(fixture, date), date, flags: msg.flags ?? [], messageId };
      })
      // Arrival order follows the Date header, so UIDs grow with time as in a lived-in mailbox.
      .sort((a, b) => a.date.getTime() - b.date.getTime());

  for (const mailbox of mailboxes) resetMailbox(mailbox.email, paths);

  const inbox = mailboxes.flatMap((mailbox) =>
    prepared(mailbox, 'INBOX').map((msg) => ({
      from: envelopeSenderOf(msg.raw),
      to: [mailbox.email],
      raw: msg.raw,
    })),
  );
  const deliveries = await deliverViaLmtp(inbox);
  const failed = deliveries.flatMap((d) => d.rejected);
  if (failed.length > 0) throw new Error(`LMTP refused: ${JSON.stringify(failed)}`);
  for (const mailbox of mailboxes) backdateArrivalsToDateHeader(maildirOf(mailbox.email, paths));

  for (const mailbox of mailboxes) {
    const account = accountOf(mailbox.email);
    const inboxFlags = prepared(mailbox, 'INBOX').filter((m) => m.flags.length > 0);
    const otherFolders = Object.keys(mailbox.folders).filter((f) => f !== 'INBOX');
    if (inboxFlags.length === 0 && otherFolders.length === 0 && !mailbox.extraFolders) continue;
    await withImapSession(account, async (client) => {
      await ensureFolders(client, mailbox.extraFolders ?? []);
      for (const msg of inboxFlags) await flagByMessageId(client, msg.messageId, msg.flags);
      for (const folder of otherFolders) {
        for (const msg of prepared(mailbox, folder))
          await appendMessage(client, folder, msg.raw, msg.flags, msg.date);
      }
    });
  }

  return {
    mailboxes: mailboxes.map((m) => ({ email: m.email, folders: folderCounts(m.email, paths) })),
    shiftedByDays,
    elapsedMs: Date.now() - started,
  };
}

/** Checked before anything is emptied, so a manifest mistake never leaves half a seed behind. */
function checkSeedable(mailbox: DemoMailbox, account: DemoAccount): void {
  const needsLogin =
    Object.keys(mailbox.folders).some((f) => f !== 'INBOX') ||
    (mailbox.extraFolders ?? []).length > 0 ||
    (mailbox.folders.INBOX ?? []).some((m) => (m.flags ?? []).length > 0);
  if (account.suspended && needsLogin) {
    throw new Error(`${mailbox.email} is suspended and cannot log in: give it unflagged INBOX mail only`);
  }
}

/** What Dovecot itself now reports, not what the manifest intended. */
export function folderCounts(email: string, paths: MailStackPaths = mailStackPaths): SeededFolder[] {
  const out = execFileSync(
    'doveadm',
    ['-c', paths.dovecotConf, '-f', 'tab', 'mailbox', 'status', '-u', email, 'messages unseen', '*'],
    { encoding: 'utf8' },
  );
  const [, ...rows] = out.trim().split('\n');
  return rows
    .map((row) => row.split('\t'))
    .map(([folder = '', messages = '0', unseen = '0']) => ({
      folder,
      messages: Number(messages),
      unseen: Number(unseen),
    }))
    .filter((f) => f.messages > 0)
    .sort((a, b) =>
      a.folder === 'INBOX' ? -1 : b.folder === 'INBOX' ? 1 : a.folder.localeCompare(b.folder, 'vi'),
    );
}
