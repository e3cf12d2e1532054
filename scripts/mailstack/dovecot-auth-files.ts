import { execFileSync } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { formatPasswdFile, type PasswdFileEntry, parsePasswdFile, suspendReasonOf } from './passwd-file';
import type { MailStackPaths } from './paths';

/**
 * The files Dovecot's auth process reads: the passwd-file (passdb + userdb) and the per-service
 * deny lists. Dovecot checks a passwd-file at most once per second and re-reads it only when its
 * mtime (in whole seconds) or size differs from the copy it holds. So every write here gets an
 * mtime strictly later than the previous one, and `waitUntilDovecotSees` sleeps into the next
 * second: after that, the next login is guaranteed to see the change.
 */
export function readUsersFile(paths: MailStackPaths): PasswdFileEntry[] {
  if (!existsSync(paths.usersFile)) return [];
  return parsePasswdFile(readFileSync(paths.usersFile, 'utf8'));
}

// root:dovecot 0640: the auth process reads it as "dovecot"; nobody else needs the hashes.
export function writeUsersFile(entries: PasswdFileEntry[], paths: MailStackPaths): void {
  replaceVisibly(paths.usersFile, formatPasswdFile(entries), 0o640, dovecotGid());
}

// The deny passdb in dovecot.conf reads deny/<service>. IMAP gets an empty list on purpose: there
// the passwd-file's nologin answers with [CONTACTADMIN] and the reason, which a deny would hide.
export function writeDenyFiles(entries: PasswdFileEntry[], paths: MailStackPaths): void {
  mkdirSync(paths.denyDir, { recursive: true, mode: 0o755 });
  const suspended = entries.filter((e) => suspendReasonOf(e) !== null).map((e) => `${e.user}\n`);
  replaceVisibly(
    join(paths.denyDir, 'smtp'),
    `# suspended mailboxes: SMTP AUTH refused (Điều 6.1)\n${suspended.join('')}`,
    0o644,
  );
  replaceVisibly(
    join(paths.denyDir, 'imap'),
    '# empty: IMAP refuses suspended mailboxes via nologin in ../users\n',
    0o644,
  );
}

export function waitUntilDovecotSees(): void {
  const nextSecond = (Math.floor(Date.now() / 1000) + 1) * 1000;
  sleepMs(nextSecond - Date.now() + 10);
}

/** Serialises edits from parallel test files; a lock older than 30 s was left by a killed run. */
export function withUsersFileLock<T>(paths: MailStackPaths, body: () => T): T {
  const lock = `${paths.usersFile}.lock`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (ageMs(lock) > 30_000) rmdirSync(lock);
      if (Date.now() > deadline) throw new Error(`${lock} is held for more than 10 s`);
      sleepMs(25);
    }
  }
  try {
    return body();
  } finally {
    rmdirSync(lock);
  }
}

function replaceVisibly(file: string, content: string, mode: number, gid = 0): void {
  const previousSeconds = existsSync(file) ? Math.floor(statSync(file).mtimeMs / 1000) : 0;
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, content, { mode });
  chownSync(tmp, 0, gid);
  const seconds = Math.max(Math.floor(Date.now() / 1000), previousSeconds + 1);
  utimesSync(tmp, seconds, seconds);
  renameSync(tmp, file);
}

function dovecotGid(): number {
  return Number(execFileSync('id', ['-g', 'dovecot'], { encoding: 'utf8' }).trim());
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function sleepMs(ms: number): void {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
