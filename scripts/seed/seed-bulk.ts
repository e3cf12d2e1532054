import { execFileSync, spawnSync } from 'node:child_process';
import { type MailStackPaths, mailStackPaths, resolveMailDomain } from '../mailstack/paths';
import { generateBulkMessages } from './bulk-messages';
import { deliverViaLmtp, type LmtpMessage } from './lmtp-delivery';
import { toCrlf } from './mail-fixtures';
import { MaildirWriter, mailOwner } from './maildir-writer';

/**
 * Benchmark volume for one mailbox. Measured on the dev VM (Dovecot 2.3.19, Debian 12):
 *   --via lmtp     2,000 messages in 8 s (250/s), 10,000 in 114 s (88/s): every delivery also
 *                  updates the growing maildir index, so 100,000 would take well over 20 minutes;
 *   --via maildir  100,000 in 13 s (12.6 s generating and writing, 0.5 s for Dovecot's first sync
 *                  of the folder plus the quota recalculation).
 * Hence maildir is the default; lmtp stays for exercising the real delivery path with small N.
 */
export type BulkDelivery = 'maildir' | 'lmtp';

export interface SeedBulkOptions {
  user: string;
  count: number;
  folder?: string;
  via?: BulkDelivery;
  seed?: number;
  now?: Date;
  paths?: MailStackPaths;
}

export interface SeedBulkResult {
  user: string;
  folder: string;
  via: BulkDelivery;
  count: number;
  elapsedMs: number;
  writeMs: number;
  syncMs: number;
  folderMessages: number;
}

const LMTP_BATCH = 1000;

/** Appends `count` generated messages to a folder (created if missing); nothing is emptied. */
export async function seedBulkMail(options: SeedBulkOptions): Promise<SeedBulkResult> {
  const started = Date.now();
  const paths = options.paths ?? mailStackPaths;
  const user = options.user.toLowerCase();
  const folder = options.folder ?? 'INBOX';
  const via = options.via ?? 'maildir';
  if (via === 'lmtp' && folder !== 'INBOX') throw new Error('--via lmtp delivers to INBOX only');
  const doveadm = (...args: string[]) =>
    execFileSync('doveadm', ['-c', paths.dovecotConf, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  doveadm('user', user); // fails clearly for an unknown mailbox before anything is written

  const messages = generateBulkMessages({
    recipient: user,
    count: options.count,
    domain: resolveMailDomain(),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });

  if (via === 'maildir') {
    if (folder !== 'INBOX') {
      // "already exists" is fine; anything else shows up in the path lookup below.
      spawnSync('doveadm', ['-c', paths.dovecotConf, 'mailbox', 'create', '-s', '-u', user, folder], {
        stdio: 'ignore',
      });
    }
    const writer = new MaildirWriter(doveadm('mailbox', 'path', '-u', user, folder).trim(), mailOwner());
    for (const message of messages) writer.write(message.raw, message.date, message.maildirFlags);
  } else {
    let batch: LmtpMessage[] = [];
    const flush = async () => {
      const results = await deliverViaLmtp(batch);
      const rejected = results.flatMap((r) => r.rejected);
      if (rejected.length > 0)
        throw new Error(`LMTP refused ${rejected.length} messages: ${rejected[0]?.response}`);
      batch = [];
    };
    for (const message of messages) {
      batch.push({ from: message.from, to: [user], raw: toCrlf(message.raw) });
      if (batch.length >= LMTP_BATCH) await flush();
    }
    if (batch.length > 0) await flush();
  }
  const written = Date.now();

  // The first status call makes Dovecot sync the folder (assign UIDs, index sizes); the quota
  // recalculation then counts mail that arrived behind its back.
  const status = doveadm('-f', 'tab', 'mailbox', 'status', '-u', user, 'messages', folder);
  doveadm('quota', 'recalc', '-u', user);
  const synced = Date.now();

  return {
    user,
    folder,
    via,
    count: options.count,
    elapsedMs: synced - started,
    writeMs: written - started,
    syncMs: synced - written,
    folderMessages: Number(status.trim().split('\n').pop()?.split('\t').pop() ?? 0),
  };
}
