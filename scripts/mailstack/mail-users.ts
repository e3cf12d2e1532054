import {
  readUsersFile,
  waitUntilDovecotSees,
  withUsersFileLock,
  writeDenyFiles,
  writeUsersFile,
} from '../../proxy/password/drivers/passwd-file/files';
import {
  gecosOf,
  type PasswdFileEntry,
  quotaRule,
  withExtraField,
  withSuspension,
} from '../../proxy/password/drivers/passwd-file/format';
import { dovecotSha512Crypt } from '../../proxy/password/drivers/passwd-file-driver';
import { type MailStackPaths, mailStackPaths } from './paths';
import { reloadPostfixIfRunning, writePostfixMaps } from './postfix-maps';

/**
 * The provider side of account management for tests: what the Sở TT&TT admin would do in the
 * real mail system (create, change password, suspend, restore, delete). Each call returns once
 * the next IMAP or SMTP login sees the change (up to 1 s: see dovecot-auth-files.ts); Postfix is
 * reloaded only when the set of addresses changes. Needs root, like the rest of the stack.
 */
export interface MailUser {
  email: string;
  password: string;
  /** Đ7.2b: at least 2 GB in production; the stack accepts any size for quota tests. */
  quotaBytes: number;
  /** Kept in the passwd-file's gecos field: the proxy's directory reads it for address completion. */
  displayName?: string;
  unitName?: string;
  /** Đ6.1: set to suspend (no login, mail still delivered), null to keep the mailbox open. */
  suspendReason: string | null;
}

export interface WriteOptions {
  paths?: MailStackPaths;
  /** Default true; mailstack.sh turns it off because it reloads Postfix itself. */
  reloadPostfix?: boolean;
  /** Default true: sleep into the next second so the next login sees the change. */
  waitForDovecot?: boolean;
}

/** SHA512-CRYPT, as the proxy's passwd-file driver writes it. */
export function hashPassword(password: string): string {
  return dovecotSha512Crypt(password);
}

export function readMailUsers(paths: MailStackPaths = mailStackPaths): PasswdFileEntry[] {
  return readUsersFile(paths);
}

export function mailUserEntry(user: MailUser, passwordHash: string): PasswdFileEntry {
  const gecos = gecosOf(user.displayName, user.unitName);
  const base: PasswdFileEntry = {
    user: user.email.toLowerCase(),
    passwordHash,
    ...(gecos ? { gecos } : {}),
    extraFields: [],
  };
  return withSuspension(
    withExtraField(base, 'userdb_quota_rule', quotaRule(user.quotaBytes)),
    user.suspendReason,
  );
}

/** Adds or replaces mailboxes, keeping every other line of the passwd-file as it is. */
export function upsertMailUsers(users: MailUser[], options: WriteOptions = {}): void {
  const fresh = users.map((u) => mailUserEntry(u, hashPassword(u.password)));
  editMailUsers((entries) => {
    const replaced = new Set(fresh.map((e) => e.user));
    return [...entries.filter((e) => !replaced.has(e.user)), ...fresh];
  }, options);
}

export function upsertMailUser(user: MailUser, options: WriteOptions = {}): void {
  upsertMailUsers([user], options);
}

export function setMailUserPassword(email: string, password: string, options: WriteOptions = {}): void {
  const hash = hashPassword(password);
  editMailUser(email, (entry) => ({ ...entry, passwordHash: hash }), options);
}

export function suspendMailUser(email: string, reason: string, options: WriteOptions = {}): void {
  editMailUser(email, (entry) => withSuspension(entry, reason), options);
}

export function restoreMailUser(email: string, options: WriteOptions = {}): void {
  editMailUser(email, (entry) => withSuspension(entry, null), options);
}

/** Removes the login and the address; the maildir stays, as a revoked mailbox's mail would. */
export function removeMailUser(email: string, options: WriteOptions = {}): void {
  removeMailUsers([email], options);
}

/** removeMailUser for many at once: one rewrite of the files, one Postfix reload. */
export function removeMailUsers(emails: string[], options: WriteOptions = {}): void {
  const users = new Set(emails.map((e) => e.toLowerCase()));
  editMailUsers((entries) => entries.filter((e) => !users.has(e.user)), options);
}

function editMailUser(email: string, change: (e: PasswdFileEntry) => PasswdFileEntry, options: WriteOptions) {
  const user = email.toLowerCase();
  editMailUsers((entries) => {
    if (!entries.some((e) => e.user === user))
      throw new Error(`no such mailbox in the passwd-file: ${email}`);
    return entries.map((e) => (e.user === user ? change(e) : e));
  }, options);
}

function editMailUsers(
  change: (entries: PasswdFileEntry[]) => PasswdFileEntry[],
  options: WriteOptions,
): void {
  const paths = options.paths ?? mailStackPaths;
  const mapsChanged = withUsersFileLock(paths, () => {
    const entries = change(readUsersFile(paths));
    writeUsersFile(entries, paths);
    writeDenyFiles(entries, paths);
    return writePostfixMaps(
      entries.map((e) => e.user),
      paths,
    );
  });
  if (mapsChanged && options.reloadPostfix !== false) reloadPostfixIfRunning(paths);
  if (options.waitForDovecot !== false) waitUntilDovecotSees();
}
