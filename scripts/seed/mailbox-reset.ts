import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { type MailStackPaths, maildirOf, mailStackPaths } from '../mailstack/paths';

/**
 * Empties a mailbox completely (mail, folders, indexes, quota usage): first disconnects its IMAP
 * sessions, so no process writes into a maildir that is being removed, then deletes the mail
 * home. Dovecot recreates INBOX and the special-use folders at the next delivery or login.
 */
export function resetMailbox(email: string, paths: MailStackPaths = mailStackPaths): void {
  // kick exits non-zero when nobody was logged in, which is the usual case.
  spawnSync('doveadm', ['-c', paths.dovecotConf, 'kick', email.toLowerCase()], { stdio: 'ignore' });
  rmSync(dirname(maildirOf(email, paths)), { recursive: true, force: true });
}
