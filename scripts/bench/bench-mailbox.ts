import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { removeMailUser, upsertMailUser } from '../mailstack/mail-users';
import { maildirOf, mailStackPaths, mailStackPorts, resolveMailDomain } from '../mailstack/paths';
import { PARAGRAPHS } from '../seed/bulk-vocabulary';
import { resetMailbox } from '../seed/mailbox-reset';
import { seedBulkMail } from '../seed/seed-bulk';

/**
 * The benchmark's own mailbox, never a demo account: emptied, then filled with the same
 * generated mail every run (fixed seed), so runs stay comparable.
 */
export const BENCH_PASSWORD = 'Do#Luong2026';
const BIG_MESSAGE_ID = '<bench-50kb@bench.invalid>';

export function benchAddress(localPart: string): string {
  return `${localPart}@${resolveMailDomain()}`;
}

/** `reuse`: keep the mailbox a `--keep` run left if it holds the same mail (saves the seeding). */
export async function prepareBenchMailbox(count: number, reuse = false) {
  const email = benchAddress('bench-inbox');
  if (reuse) {
    const kept = await keptMailbox(email, count);
    if (kept) return kept;
  }
  upsertMailUser({ email, password: BENCH_PASSWORD, quotaBytes: 8 * 1024 ** 3, suspendReason: null });
  emptyMailHome(email);
  // Dovecot creates the mail home (owned by its mail user) when INBOX is first opened; the bulk
  // writer, running as root, must only add files into it.
  const first = await imapClient(email, BENCH_PASSWORD);
  await first.status('INBOX', { messages: true });
  await first.logout();
  const seeded = await seedBulkMail({ user: email, count, seed: 2026 });
  const client = await imapClient(email, BENCH_PASSWORD);
  try {
    const raw = fiftyKilobyteMessage(email);
    const appended = await client.append('INBOX', raw, ['\\Seen'], new Date());
    const bigUid = appended ? appended.uid : undefined;
    if (!bigUid) throw new Error('APPEND of the 50 KB message gave no UID');
    return { email, password: BENCH_PASSWORD, seeded, bigUid, bigSize: raw.length };
  } finally {
    await client.logout().catch(() => client.close());
  }
}

async function keptMailbox(email: string, count: number) {
  const client = await imapClient(email, BENCH_PASSWORD).catch(() => null);
  if (!client) return null;
  try {
    const lock = await client.getMailboxLock('INBOX', { readOnly: true });
    try {
      if (client.mailbox && client.mailbox.exists !== count + 1) return null;
      const found = await client.search({ header: { 'message-id': BIG_MESSAGE_ID } }, { uid: true });
      const bigUid = Array.isArray(found) ? found[0] : undefined;
      const big = bigUid ? await client.fetchOne(String(bigUid), { size: true }, { uid: true }) : false;
      if (!bigUid || !big) return null;
      const seeded = { folderMessages: count, elapsedMs: 0 };
      return { email, password: BENCH_PASSWORD, seeded, bigUid, bigSize: big.size ?? 0 };
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/**
 * resetMailbox, but the 100,000 files go in the background: deleting them took 5 minutes on the
 * development VM (the disk is mounted with online discard), so the mail home is renamed aside
 * at once and an idle-priority rm(1) that outlives the benchmark removes it.
 */
function emptyMailHome(email: string) {
  const doveadm = (...args: string[]) =>
    spawnSync('doveadm', ['-c', mailStackPaths.dovecotConf, ...args], { encoding: 'utf8' });
  // A process still logged in rewrites its index files into the folder being removed.
  for (let i = 0; i < 50; i++) {
    doveadm('kick', email);
    if (!doveadm('who', '-1', email).stdout.includes(email)) break;
    spawnSync('sleep', ['0.2']);
  }
  const home = dirname(maildirOf(email));
  if (existsSync(home)) {
    const trash = join(mailStackPaths.stateDir, 'bench-trash');
    mkdirSync(trash, { recursive: true, mode: 0o700 });
    const aside = join(trash, `${Date.now()}-${process.pid}`);
    renameSync(home, aside);
    spawn('ionice', ['-c3', 'rm', '-rf', aside], { detached: true, stdio: 'ignore' }).unref();
  }
  resetMailbox(email);
}

export function removeBenchMailbox(email: string) {
  emptyMailHome(email);
  removeMailUser(email);
}

export async function imapClient(user: string, pass: string): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: mailStackPorts.host,
    port: mailStackPorts.imap,
    secure: false,
    auth: { user, pass },
    logger: false,
  });
  await client.connect();
  return client;
}

/**
 * A 50 KB official letter as an office mail client sends it: plain text and HTML alternatives,
 * both quoted-printable (Vietnamese letters become =XX escapes, as Outlook writes them).
 */
function fiftyKilobyteMessage(to: string): Buffer {
  const paragraphs: string[] = [];
  let raw: Buffer = Buffer.alloc(0);
  while (raw.length < 50 * 1024) {
    paragraphs.push(PARAGRAPHS[paragraphs.length % PARAGRAPHS.length]!);
    raw = letter(to, paragraphs);
  }
  return raw;
}

function letter(to: string, paragraphs: string[]): Buffer {
  const text = paragraphs.join('\n\n');
  const html = `<html><body>${paragraphs.map((p) => `<p style="margin:0 0 8px">${p}</p>`).join('\n')}</body></html>`;
  const boundary = '=_bench_50kb';
  const raw = [
    `Message-ID: ${BIG_MESSAGE_ID}`,
    `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`,
    `From: =?UTF-8?B?${Buffer.from('Văn phòng UBND tỉnh').toString('base64')}?= <vanphong@${resolveMailDomain()}>`,
    `To: <${to}>`,
    `Subject: =?UTF-8?B?${Buffer.from('Thư 50 KB để đo thời gian mở thư').toString('base64')}?=`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    quotedPrintable(text),
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    quotedPrintable(html),
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return Buffer.from(raw, 'utf8');
}

function quotedPrintable(text: string): string {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    let encoded = '';
    for (const byte of Buffer.from(line, 'utf8')) {
      const plain = (byte >= 33 && byte <= 126 && byte !== 61) || byte === 32;
      encoded += plain ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    // Soft line breaks keep lines under 76 characters, never inside an =XX escape.
    while (encoded.length > 75) {
      let cut = 75;
      const escapeAt = encoded.lastIndexOf('=', cut);
      if (escapeAt > cut - 3) cut = escapeAt;
      lines.push(`${encoded.slice(0, cut)}=`);
      encoded = encoded.slice(cut);
    }
    lines.push(encoded.endsWith(' ') ? `${encoded.slice(0, -1)}=20` : encoded);
  }
  return lines.join('\r\n');
}
