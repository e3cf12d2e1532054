import { pathToFileURL } from 'node:url';
import { readDemoAccounts } from '../seed/demo-accounts';
import { type MailUser, upsertMailUsers, type WriteOptions } from './mail-users';

/**
 * Puts the demo accounts of scripts/seed/accounts.json into the passwd-file as the JSON says
 * (password, quota, suspension), leaving any other mailbox alone. Run by `mailstack.sh start`.
 */
export function syncDemoUsers(options: WriteOptions = {}): MailUser[] {
  const users = readDemoAccounts().map(
    (a): MailUser => ({
      email: a.email,
      password: a.password,
      quotaBytes: a.quotaBytes,
      displayName: a.displayName,
      unitName: a.unitName,
      suspendReason: a.suspended ? a.suspendReason : null,
    }),
  );
  upsertMailUsers(users, options);
  return users;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // mailstack.sh reloads Postfix and Dovecot itself after rendering everything else.
  syncDemoUsers({ reloadPostfix: false, waitForDovecot: false });
}
