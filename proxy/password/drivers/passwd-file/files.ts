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
import { setTimeout as sleep } from 'node:timers/promises';
import { formatPasswdFile, type PasswdFileEntry, parsePasswdFile, suspendReasonOf } from './format';

/**
 * The files Dovecot's auth process reads: the passwd-file (passdb + userdb) and the optional
 * per-service deny lists. Used by the proxy's passwd-file driver and by the dev stack's scripts,
 * which share the lock, so an admin script and a user's password change never interleave.
 *
 * Dovecot checks a passwd-file at most once per second and re-reads it only when its mtime (in
 * whole seconds) or size differs from the copy it holds. So every write here gets an mtime strictly
 * later than the previous one, and the caller waits into the next second (`dovecotSeesChangesAt`):
 * after that, the next login is guaranteed to see the change.
 */
export interface PasswdFiles {
  usersFile: string;
  /** deny/<service> lists; absent when the deployment has none. */
  denyDir?: string;
}

export function readUsersFile(files: PasswdFiles): PasswdFileEntry[] {
  if (!existsSync(files.usersFile)) return [];
  return parsePasswdFile(readFileSync(files.usersFile, 'utf8'));
}

/**
 * A new file is root:dovecot 0640 (the auth process reads it as "dovecot"; nobody else needs the
 * hashes); an existing one keeps its owner, group and mode, whatever the deployment chose.
 */
export function writeUsersFile(entries: PasswdFileEntry[], files: PasswdFiles): void {
  replaceVisibly(files.usersFile, formatPasswdFile(entries), { mode: 0o640, gid: () => dovecotGid() });
}

// The deny passdb in dovecot.conf reads deny/<service>. IMAP gets an empty list on purpose: there
// the passwd-file's nologin answers with [CONTACTADMIN] and the reason, which a deny would hide.
export function writeDenyFiles(entries: PasswdFileEntry[], files: PasswdFiles): void {
  if (!files.denyDir) return;
  mkdirSync(files.denyDir, { recursive: true, mode: 0o755 });
  const suspended = entries.filter((e) => suspendReasonOf(e) !== null).map((e) => `${e.user}\n`);
  replaceVisibly(
    join(files.denyDir, 'smtp'),
    `# suspended mailboxes: SMTP AUTH refused (Đ6.1)\n${suspended.join('')}`,
    { mode: 0o644 },
  );
  replaceVisibly(
    join(files.denyDir, 'imap'),
    '# empty: IMAP refuses suspended mailboxes via nologin in ../users\n',
    {
      mode: 0o644,
    },
  );
}

/** Milliseconds to wait after a write until Dovecot's next check is sure to see it. */
export function msUntilDovecotSees(now = Date.now()): number {
  return (Math.floor(now / 1000) + 1) * 1000 - now + 10;
}

/** For scripts: blocks the thread. The proxy awaits `waitForDovecot` instead. */
export function waitUntilDovecotSees(): void {
  sleepSync(msUntilDovecotSees());
}

export async function waitForDovecot(): Promise<void> {
  await sleep(msUntilDovecotSees());
}

/**
 * Serialises edits (parallel tests, the proxy, admin scripts) with a lock directory beside the
 * file; a lock older than 30 s was left by a killed process. The body is synchronous and short
 * (read, edit, rename), so the spin only ever waits for another writer's few milliseconds.
 */
export function withUsersFileLock<T>(files: PasswdFiles, body: () => T): T {
  const lock = `${files.usersFile}.lock`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (ageMs(lock) > 30_000) rmdirSync(lock);
      if (Date.now() > deadline) throw new Error(`${lock} is held for more than 10 s`);
      sleepSync(25);
    }
  }
  try {
    return body();
  } finally {
    rmdirSync(lock);
  }
}

/** Write to a temporary file, give it a later mtime, rename over: readers see old or new, never half. */
function replaceVisibly(file: string, content: string, fresh: { mode: number; gid?: () => number }): void {
  const previous = existsSync(file) ? statSync(file) : undefined;
  const previousSeconds = previous ? Math.floor(previous.mtimeMs / 1000) : 0;
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, content, { mode: previous ? previous.mode & 0o7777 : fresh.mode });
  if (previous) chownSync(tmp, previous.uid, previous.gid);
  else chownSync(tmp, 0, fresh.gid?.() ?? 0);
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

function sleepSync(ms: number): void {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
