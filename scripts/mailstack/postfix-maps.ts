import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type MailStackPaths, mailStackPaths } from './paths';

/**
 * Postfix's view of the users: which addresses exist (unknown ones fail at RCPT TO) and which
 * login may send as which address (reject_sender_login_mismatch). Both are texthash tables,
 * which Postfix reads only at start and reload, hence `reloadPostfixIfRunning`.
 */
export function renderPostfixMaps(users: string[]): { virtualMailboxes: string; senderLogins: string } {
  const sorted = [...new Set(users.map((u) => u.toLowerCase()))].sort();
  return {
    virtualMailboxes: sorted.map((u) => `${u} OK\n`).join(''),
    // A mailbox sends only as itself; a unit mailbox (sttt@) is sent from its own login.
    senderLogins: sorted.map((u) => `${u} ${u}\n`).join(''),
  };
}

/** Writes both tables; returns true when their content changed (then Postfix needs a reload). */
export function writePostfixMaps(users: string[], paths: MailStackPaths = mailStackPaths): boolean {
  const maps = renderPostfixMaps(users);
  const changedMailboxes = replaceFileIfChanged(paths.postfixVirtualMailboxes, maps.virtualMailboxes);
  const changedLogins = replaceFileIfChanged(paths.postfixSenderLogins, maps.senderLogins);
  return changedMailboxes || changedLogins;
}

export function postfixRunning(paths: MailStackPaths = mailStackPaths): boolean {
  const pidFile = join(paths.stateDir, 'postfix-queue', 'pid', 'master.pid');
  if (!existsSync(pidFile)) return false;
  const pid = readFileSync(pidFile, 'utf8').trim();
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'master';
  } catch {
    return false;
  }
}

export function reloadPostfixIfRunning(paths: MailStackPaths = mailStackPaths): void {
  if (!postfixRunning(paths)) return;
  execFileSync('postfix', ['-c', paths.postfixConfigDir, 'reload'], { stdio: 'ignore' });
}

function replaceFileIfChanged(file: string, content: string): boolean {
  if (existsSync(file) && readFileSync(file, 'utf8') === content) return false;
  writeFileSync(`${file}.tmp`, content, { mode: 0o644 });
  renameSync(`${file}.tmp`, file);
  return true;
}
