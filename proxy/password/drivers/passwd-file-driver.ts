import { encrypt } from 'unixcrypt';
import {
  type PasswdFiles,
  readUsersFile,
  waitForDovecot,
  withUsersFileLock,
  writeDenyFiles,
  writeUsersFile,
} from './passwd-file/files';
import {
  gecosFields,
  gecosOf,
  type PasswdFileEntry,
  quotaRule,
  suspendReasonOf,
  withExtraField,
  withSuspension,
} from './passwd-file/format';
import { DriverError, type PasswordDriver } from './password-driver';

/**
 * Dovecot's passwd-file as the provider's password store. The file is rewritten atomically under
 * the same lock the admin scripts take; the call returns once Dovecot is sure to have noticed
 * (it re-reads the file by mtime, at most once a second), so the caller can log in with the new
 * password straight away, without a Dovecot restart.
 */
export function createPasswdFileDriver(files: PasswdFiles): PasswordDriver {
  async function rewrite(change: (entries: PasswdFileEntry[]) => PasswdFileEntry[]) {
    try {
      withUsersFileLock(files, () => {
        const changed = change(readUsersFile(files));
        writeUsersFile(changed, files);
        writeDenyFiles(changed, files);
      });
    } catch (error) {
      if (error instanceof DriverError) throw error;
      throw new DriverError('provider_unreachable', `cannot write ${files.usersFile}`, { cause: error });
    }
    await waitForDovecot();
  }

  async function edit(email: string, change: (entry: PasswdFileEntry) => PasswdFileEntry) {
    const user = email.toLowerCase();
    await rewrite((entries) => {
      if (!entries.some((e) => e.user === user)) {
        throw new DriverError('no_such_account', `${user} is not in ${files.usersFile}`);
      }
      return entries.map((e) => (e.user === user ? change(e) : e));
    });
  }

  return {
    kind: 'passwd-file',
    async setPassword(email, password) {
      const passwordHash = dovecotSha512Crypt(password);
      await edit(email, (entry) => ({ ...entry, passwordHash }));
    },
    async setSuspended(email, reason) {
      await edit(email, (entry) => withSuspension(entry, reason));
      return true;
    },
    async listAccounts() {
      return readUsersFile(files).map((entry) => {
        const suspendedReason = suspendReasonOf(entry);
        return {
          email: entry.user,
          ...gecosFields(entry),
          ...(suspendedReason === null ? {} : { suspendedReason }),
        };
      });
    },
    async createAccount(email, password, profile) {
      const user = email.toLowerCase();
      const gecos = gecosOf(profile.name, profile.unit);
      const entry = withExtraField(
        { user, passwordHash: dovecotSha512Crypt(password), ...(gecos ? { gecos } : {}), extraFields: [] },
        'userdb_quota_rule',
        quotaRule(profile.quotaBytes),
      );
      await rewrite((entries) => {
        // Never over an existing line: that would hand a stranger's mailbox to the new holder.
        if (entries.some((e) => e.user === user)) {
          throw new DriverError('address_exists', `${user} is already in ${files.usersFile}`);
        }
        return [...entries, entry];
      });
    },
    async setQuota(email, bytes) {
      await edit(email, (entry) => withExtraField(entry, 'userdb_quota_rule', quotaRule(bytes)));
      return true;
    },
  };
}

/**
 * SHA512-CRYPT, the scheme `doveadm pw` writes by default and Dovecot verifies through crypt(3);
 * computed in-process (unixcrypt) so no password ever appears on a command line.
 */
export function dovecotSha512Crypt(password: string): string {
  return `{SHA512-CRYPT}${encrypt(password, '$6$rounds=5000')}`;
}
