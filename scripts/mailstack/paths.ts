import { join } from 'node:path';

/**
 * Where the development/test mail stack keeps its state, and where it listens. One place, read by
 * the seed scripts and by the proxy's integration tests; mailstack-env.sh holds the same defaults
 * for the shell side, so change both together.
 *
 * The state lives outside the repository on purpose: CI clones into a 0700 root-owned dir that
 * Dovecot's and Postfix's unprivileged users cannot enter.
 */
export interface MailStackPaths {
  stateDir: string;
  /** Dovecot passdb + userdb (passwd-file format), one line per mailbox. */
  usersFile: string;
  /** Per-service deny lists (deny/smtp = suspended mailboxes), derived from the users file. */
  denyDir: string;
  dovecotConf: string;
  postfixConfigDir: string;
  /** Postfix tables generated from the users file (texthash: read at start and reload). */
  postfixVirtualMailboxes: string;
  postfixSenderLogins: string;
  /** Mail for any domain but the mail domain: one .eml file per message. */
  sinkDir: string;
  /** Maildirs: `<mailRoot>/<domain>/<local part>/Maildir`. */
  mailRoot: string;
  logDir: string;
  dovecotLog: string;
  postfixLog: string;
  /** The doveadm HTTP API key, random, made once by mailstack.sh (0600 root, no newline). */
  doveadmApiKeyFile: string;
  /** Đ14.2g: the password of the master user API clients log in with (0600 root, no newline). */
  serviceMasterPasswordFile: string;
  /** The stack's own clamd: its socket, and the folder of signatures it loads (RELOAD re-reads it). */
  clamdSocket: string;
  clamdDatabaseDir: string;
}

export interface MailStackPorts {
  host: string;
  imap: number;
  submission: number;
  lmtp: number;
  /** doveadm HTTP API (`/doveadm/v1`): every mailbox's quota, for the quota warning job. */
  doveadmHttp: number;
  /** ManageSieve (RFC 5804): each user's Sieve scripts (out-of-office, filters). */
  managesieve: number;
}

export const DEFAULT_MAILSTACK_DIR = '/var/tmp/bp-webmail-mailstack';
export const DEFAULT_MAIL_DOMAIN = 'binhphuoc.gov.vn';
/** The Dovecot master user of API clients (mailstack-env.sh SERVICE_MASTER_USER). */
export const SERVICE_MASTER_USER = 'webmail-service';

export const mailStackPorts: MailStackPorts = {
  host: '127.0.0.1',
  imap: 1143,
  submission: 1587,
  lmtp: 10024,
  doveadmHttp: 10081,
  managesieve: 14190,
};

export function resolveMailStackPaths(env: NodeJS.ProcessEnv = process.env): MailStackPaths {
  const stateDir = env.BP_MAILSTACK_DIR || DEFAULT_MAILSTACK_DIR;
  const postfixConfigDir = join(stateDir, 'postfix');
  const logDir = join(stateDir, 'log');
  return {
    stateDir,
    usersFile: join(stateDir, 'users'),
    denyDir: join(stateDir, 'deny'),
    dovecotConf: join(stateDir, 'dovecot.conf'),
    postfixConfigDir,
    postfixVirtualMailboxes: join(postfixConfigDir, 'virtual-mailboxes'),
    postfixSenderLogins: join(postfixConfigDir, 'sender-logins'),
    sinkDir: join(stateDir, 'sink'),
    mailRoot: join(stateDir, 'mail'),
    logDir,
    dovecotLog: join(logDir, 'dovecot.log'),
    postfixLog: join(logDir, 'postfix.log'),
    doveadmApiKeyFile: join(stateDir, 'doveadm-api-key'),
    serviceMasterPasswordFile: join(stateDir, 'service-master-password'),
    clamdSocket: join(stateDir, 'run', 'clamd', 'clamd.sock'),
    clamdDatabaseDir: join(stateDir, 'clamav', 'db'),
  };
}

export function resolveMailDomain(env: NodeJS.ProcessEnv = process.env): string {
  return (env.BP_MAIL_DOMAIN || DEFAULT_MAIL_DOMAIN).toLowerCase();
}

/** Paths for the current environment, resolved once at import. */
export const mailStackPaths: MailStackPaths = resolveMailStackPaths();

/** The INBOX maildir of a mailbox; mirrors `mail_home` + `mail_location` in dovecot.conf. */
export function maildirOf(email: string, paths: MailStackPaths = mailStackPaths): string {
  const [localPart, domain] = splitAddress(email);
  return join(paths.mailRoot, domain, localPart, 'Maildir');
}

function splitAddress(email: string): [string, string] {
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) throw new Error(`not an e-mail address: ${email}`);
  return [email.slice(0, at).toLowerCase(), email.slice(at + 1).toLowerCase()];
}
