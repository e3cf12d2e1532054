import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type MailStackPaths, mailStackPaths, mailStackPorts, SERVICE_MASTER_USER } from './paths';

/**
 * The proxy's environment for the local mail stack: what an operator would put in the proxy's env
 * file for the province's provider. Reads the doveadm API key that `mailstack.sh start` made, so
 * it needs root like the rest of the stack, and fails with a hint when the stack was never started.
 */
export function mailStackProxyEnv(paths: MailStackPaths = mailStackPaths): Record<string, string> {
  const { host } = mailStackPorts;
  return {
    IMAP_HOST: host,
    IMAP_PORT: String(mailStackPorts.imap),
    SMTP_HOST: host,
    SMTP_PORT: String(mailStackPorts.submission),
    LMTP_HOST: host,
    LMTP_PORT: String(mailStackPorts.lmtp),
    DOVEADM_URL: `http://${host}:${mailStackPorts.doveadmHttp}/doveadm/v1`,
    DOVEADM_API_KEY: readDoveadmApiKey(paths),
    PASSWD_FILE_PATH: paths.usersFile,
    PASSWD_FILE_DENY_DIR: paths.denyDir,
    PROVIDER_ACCOUNT_HOOK: providerAccountHook(paths),
    CLAMD_SOCKET: paths.clamdSocket,
    MANAGESIEVE_HOST: host,
    MANAGESIEVE_PORT: String(mailStackPorts.managesieve),
    API_CLIENT_MASTER_USER: SERVICE_MASTER_USER,
    API_CLIENT_MASTER_PASSWORD_FILE: paths.serviceMasterPasswordFile,
  };
}

/**
 * The console's PROVIDER_ACCOUNT_HOOK for this stack: Postfix's tables are built from the users
 * file (refresh-postfix-maps.ts). The proxy splits the value on spaces into command and
 * arguments (no shell) and appends `created <address>`, so every part is an absolute path
 * without spaces: tsx from the repo's node_modules, the script, the state dir.
 */
function providerAccountHook(paths: MailStackPaths): string {
  const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
  const script = fileURLToPath(new URL('./refresh-postfix-maps.ts', import.meta.url));
  return [tsx, script, paths.stateDir].join(' ');
}

function readDoveadmApiKey(paths: MailStackPaths): string {
  try {
    return readFileSync(paths.doveadmApiKeyFile, 'utf8').trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint =
      code === 'ENOENT' ? 'start the mail stack first (npm run mail:start)' : 'it is readable by root only';
    throw new Error(`cannot read the doveadm API key ${paths.doveadmApiKeyFile}: ${code}; ${hint}`);
  }
}
