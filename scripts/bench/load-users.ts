import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { type MailUser, removeMailUsers, upsertMailUsers } from '../mailstack/mail-users';
import { maildirOf, mailStackPaths, resolveMailDomain } from '../mailstack/paths';
import { generateBulkMessages } from '../seed/bulk-messages';
import { deliverViaLmtp, type LmtpMessage } from '../seed/lmtp-delivery';
import { toCrlf } from '../seed/mail-fixtures';
import { BENCH_PASSWORD, benchAddress } from './bench-mailbox';

/** Letters each simulated user finds in INBOX: a page to list, messages to open, words to find. */
const MESSAGES_EACH = 8;
const LMTP_BATCH = 500;
const PREFIX = 'bench-load-';

export const LOAD_PASSWORD = BENCH_PASSWORD;

export function loadUserAddresses(count: number): string[] {
  return Array.from({ length: count }, (_, i) => benchAddress(`${PREFIX}${String(i).padStart(4, '0')}`));
}

/**
 * The simulated users' mailboxes, each its own at the mail stack as a real account would be: all
 * written to the passwd-file in one batch, emptied of a previous run's mail, then given a few
 * generated official letters through LMTP (Dovecot indexes them as received mail).
 */
export async function prepareLoadUsers(emails: string[]): Promise<{ messages: number; elapsedMs: number }> {
  const started = Date.now();
  const accounts: MailUser[] = emails.map((email) => ({
    email,
    password: LOAD_PASSWORD,
    quotaBytes: 2 * 1024 ** 3,
    suspendReason: null,
  }));
  upsertMailUsers(accounts);
  emptyMailHomes(emails);
  let batch: LmtpMessage[] = [];
  let messages = 0;
  const flush = async () => {
    const results = await deliverViaLmtp(batch);
    const rejected = results.flatMap((r) => r.rejected);
    if (rejected.length > 0) throw new Error(`LMTP refused ${rejected.length}: ${rejected[0]?.response}`);
    messages += batch.length;
    batch = [];
  };
  for (const [i, email] of emails.entries()) {
    const letters = generateBulkMessages({
      recipient: email,
      count: MESSAGES_EACH,
      domain: resolveMailDomain(),
      seed: 1000 + i,
      spreadDays: 14,
    });
    for (const letter of letters) batch.push({ from: letter.from, to: [email], raw: toCrlf(letter.raw) });
    if (batch.length >= LMTP_BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  return { messages, elapsedMs: Date.now() - started };
}

export function removeLoadUsers(emails: string[]): void {
  emptyMailHomes(emails);
  removeMailUsers(emails);
}

/** Every simulated user's IMAP sessions ended (one doveadm for all), then their mail homes gone. */
function emptyMailHomes(emails: string[]) {
  spawnSync('doveadm', ['-c', mailStackPaths.dovecotConf, 'kick', `${PREFIX}*`], { stdio: 'ignore' });
  for (const email of emails) rmSync(dirname(maildirOf(email)), { recursive: true, force: true });
}
