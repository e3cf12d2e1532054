import { pathToFileURL } from 'node:url';
import { readUsersFile, withUsersFileLock } from '../../proxy/password/drivers/passwd-file/files';
import { type MailStackPaths, resolveMailStackPaths } from './paths';
import { reloadPostfixIfRunning, writePostfixMaps } from './postfix-maps';

/**
 * The dev stack's PROVIDER_ACCOUNT_HOOK: after the console (passwd-file driver) adds or removes a
 * mailbox, Postfix's own tables (virtual mailboxes, sender logins) are rebuilt from the users file
 * and Postfix reloaded, or it would refuse mail to the new address at RCPT TO.
 *
 *   tsx scripts/mailstack/refresh-postfix-maps.ts <state dir> <created|removed> <address>
 *
 * The state dir comes first because the proxy runs the hook with its own environment, which need
 * not name BP_MAILSTACK_DIR; the action and address (appended by the proxy) are only logged.
 */
export function refreshPostfixMaps(paths: MailStackPaths): boolean {
  const changed = withUsersFileLock(paths, () =>
    writePostfixMaps(
      readUsersFile(paths).map((e) => e.user),
      paths,
    ),
  );
  if (changed) reloadPostfixIfRunning(paths);
  return changed;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [stateDir, action = 'refresh', address = ''] = process.argv.slice(2);
  if (!stateDir) {
    process.stderr.write('usage: refresh-postfix-maps.ts <state dir> [created|removed <address>]\n');
    process.exit(2);
  }
  const changed = refreshPostfixMaps(resolveMailStackPaths({ BP_MAILSTACK_DIR: stateDir }));
  process.stdout.write(
    `${action} ${address}: postfix maps ${changed ? 'rewritten, reloaded' : 'unchanged'}\n`,
  );
}
