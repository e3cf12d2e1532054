import { hostname } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_FORWARD_REFUSED_DOMAINS } from '../common/policy/forward-refusal';
import { holidayCalendar } from '../common/policy/working-days';
import { loadHolidayList } from './console/holidays-config';

const MB = 1024 * 1024;
const GB = 1024 * MB;

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const port = z.coerce.number().int().min(1).max(65535);

/**
 * Everything province-specific is configuration, with the values of QĐ 1956/QĐ-UBND (Bình Phước)
 * as defaults: a merged or renamed province changes the environment, not the code.
 */
const EnvSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: port.default(8080),
  PUBLIC_URL: z.url().default('http://127.0.0.1:8080'),
  /** Hops of reverse proxies in front (nginx: 1). 0 trusts no X-Forwarded-For: the client could forge it. */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().default('data'),
  /**
   * The 32-byte key that seals the console's TOTP secrets (console/data-key.ts); default
   * DATA_DIR/secret.key. Instances sharing one database must read the same key: copy the same
   * file to every instance.
   */
  DATA_KEY_FILE: z.string().optional(),
  /**
   * postgres://user:password@host:port/db selects PostgreSQL for the policy store (two or more
   * instances share it); empty keeps SQLite in DATA_DIR (one instance, the demo).
   */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    // The driver parses it as a URL: a password with @ : / # ? or % must be percent-encoded, or
    // the start fails deep in the driver. The message never repeats the value (it holds a password).
    .refine(isUrl, 'is not a valid URL (percent-encode @ : / # ? % in the password)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** PostgreSQL connections this instance keeps open at most. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(20),
  /**
   * Mailboxes exported before revocation (Đ5.3b), gigabytes each, so files rather than rows: with
   * two or more instances, one shared folder (NFS) mounted at the same path on each. Default
   * DATA_DIR/exports.
   */
  EXPORTS_DIR: z.string().optional(),
  /** Names this process in job runs and logs; default <hostname>:<PORT>. */
  INSTANCE_ID: z.string().min(1).max(100).optional(),
  STATIC_DIR: z.string().default('dist/client'),

  ORG_NAME: z.string().default('Ủy ban nhân dân tỉnh Bình Phước'),
  PRODUCT_NAME: z.string().default('Hộp thư công vụ Bình Phước'),
  MAIL_DOMAIN: z.string().default('binhphuoc.gov.vn'),
  SUPPORT_ADDRESS: z.string().optional(),
  DEFAULT_LOCALE: z.enum(['vi', 'en']).default('vi'),
  TIME_ZONE: z.string().default('Asia/Ho_Chi_Minh'),

  IMAP_HOST: z.string().default('127.0.0.1'),
  IMAP_PORT: port.default(1143),
  IMAP_SECURE: bool.default(false),
  /** Only for a provider on loopback or a private test network. */
  IMAP_ALLOW_INSECURE_TLS: bool.default(false),
  IMAP_IDLE_CLOSE_SECONDS: z.coerce.number().int().min(5).default(300),
  SMTP_HOST: z.string().default('127.0.0.1'),
  SMTP_PORT: port.default(1587),
  SMTP_SECURE: bool.default(false),

  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(120),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),

  /** Đ7.2b: attachments at most 20 MB per message. */
  /**
   * Đ8.2d, mail from an old server: jobs one instance runs at once, and the pause after each
   * batch of 50 messages that lets the users' own requests go first.
   */
  MIGRATION_CONCURRENCY: z.coerce.number().int().min(0).max(16).default(2),
  MIGRATION_PAUSE_MS: z.coerce.number().int().min(0).max(10_000).default(10),
  MIGRATION_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * MB),
  /** Seconds during which a sent message can still be cancelled ("undo send"); 0 turns it off. */
  UNDO_SEND_SECONDS: z.coerce.number().int().min(0).max(30).default(5),
  /** Uploaded attachments not sent or saved in a draft are removed after this many hours. */
  UPLOAD_TTL_HOURS: z.coerce.number().int().min(1).default(24),
  /** Đ7.2b: every mailbox gets at least 2 GB. */
  QUOTA_MIN_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(2 * GB),
  /** Đ9: at least 8 characters. */
  PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8).default(8),
  /** Đ7.2c: warn as the mailbox nears its quota (percent of the limit). */
  QUOTA_NOTICE_PERCENT: z.coerce.number().min(1).max(100).default(80),
  QUOTA_WARNING_PERCENT: z.coerce.number().min(1).max(100).default(90),
  QUOTA_CRITICAL_PERCENT: z.coerce.number().min(1).max(100).default(98),
  /** Let pdfsig ask the signer certificate's OCSP responder whether it was revoked. */
  PDF_SIGNATURE_OCSP: bool.default(true),
  /** A PDF larger than this is not verified (its chip says so). */
  PDF_SIGNATURE_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(25 * MB),
  /** pdfsig (and its OCSP question) is killed after this many seconds. */
  PDF_SIGNATURE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(30),
  /** Đ7.1: logs are kept for 6 months. */
  AUDIT_RETENTION_MONTHS: z.coerce.number().int().min(1).default(6),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
  LOGIN_FAILURE_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Đ13.3: change the password every month. */
  PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().positive().default(30),
  /** From this day of a password's life a banner counts down to PASSWORD_MAX_AGE_DAYS. */
  PASSWORD_REMIND_FROM_DAY: z.coerce.number().int().positive().default(25),
  /** Days after the maximum age the user may still postpone the change (0: none). */
  PASSWORD_GRACE_DAYS: z.coerce.number().int().min(0).default(0),
  /** How many earlier passwords may not be used again (kept only as slow hashes). */
  PASSWORD_HISTORY_COUNT: z.coerce.number().int().min(0).max(24).default(5),

  /** How the proxy changes a password at the provider. */
  PASSWORD_DRIVER: z.enum(['passwd-file', 'ldap']).default('passwd-file'),
  /** passwd-file driver: Dovecot's passdb file, written atomically under a lock. */
  PASSWD_FILE_PATH: z.string().default('/etc/dovecot/users'),
  /** passwd-file driver: optional deny lists (deny/smtp) that keep a suspended account from sending. */
  PASSWD_FILE_DENY_DIR: z.string().optional(),
  /** ldap driver: the directory holding the accounts. */
  LDAP_URL: z.string().default('ldap://127.0.0.1:389'),
  LDAP_BIND_DN: z.string().optional(),
  LDAP_BIND_PASSWORD: z.string().optional(),
  LDAP_USER_BASE: z.string().optional(),
  /** {email} is replaced by the escaped address. */
  LDAP_USER_FILTER: z.string().default('(mail={email})'),

  /**
   * Đ8.2b: attachments are scanned by clamd before a user gets a byte of them, uploads before they
   * can be sent. required: no verdict (clamd down, too slow) refuses the file; best-effort: lets it
   * through with a logged warning and a metric; off: no scanning at all.
   */
  MALWARE_SCAN: z.enum(['required', 'best-effort', 'off']).default('required'),
  /** clamd's unix socket (an absolute path, Debian's is /run/clamav/clamd.ctl) or host:port. */
  CLAMD_SOCKET: z
    .string()
    .regex(/^(\/.+|[^/:\s]+:\d{1,5})$/, 'must be an absolute socket path or host:port')
    .default('/run/clamav/clamd.ctl'),
  /** How long clamd may stay silent (connecting, taking bytes, or scanning) before a scan gives up. */
  CLAMD_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(30),

  /** Đ7.2c: the warning put into mailboxes. Dovecot's doveadm HTTP API reads every account's quota. */
  DOVEADM_URL: z.url().optional(),
  DOVEADM_API_KEY: z.string().optional(),
  LMTP_HOST: z.string().default('127.0.0.1'),
  LMTP_PORT: port.default(24),
  /** How often the quota warning job runs (0: never, e.g. on a second proxy behind the same store). */
  QUOTA_WARNING_JOB_MINUTES: z.coerce.number().int().min(0).default(60),
  /** A warning of the same level is not repeated within this many days. */
  QUOTA_WARNING_REPEAT_DAYS: z.coerce.number().int().min(1).default(7),
  /**
   * Addresses given the console's admin role at start (the Sở TT&TT's first admins); more are
   * named in the console or with `npm run admin -- grant-role`. Comma-separated.
   */
  CONSOLE_ADMINS: z.string().default(''),
  /** Đ8.1c working days: a JSON holiday list (shape of proxy/policy/vietnam-holidays.ts); default built in. */
  HOLIDAYS_FILE: z.string().optional(),
  /**
   * Đ4.1: the unit tree put into an empty store at start, a JSON list of
   * {code, name, parentCode, level, mailbox?, website?}; default config/units.json of the repo.
   */
  UNITS_FILE: z.string().optional(),
  /** Đ5.3b, Đ6.2a: the daily lifecycle job's hour in Viet Nam (-1: never, e.g. on a second proxy). */
  LIFECYCLE_JOB_HOUR: z.coerce.number().int().min(-1).max(23).default(2),
  /**
   * Run after the console creates or removes an account at the provider, with the action and the
   * address as arguments: where the MTA keeps its own list of mailboxes (Postfix virtual maps),
   * this refreshes it. The dev stack sets it to its own script.
   */
  PROVIDER_ACCOUNT_HOOK: z.string().optional(),
  /** The sender of the proxy's own messages (quota warnings). */
  SYSTEM_SENDER: z.string().optional(),

  /**
   * AGPL §13: where users get the source of the version they use, shown on the log-in page and in
   * the account area. By default the tarball `npm run build` made of the built tree, served by the
   * proxy itself; a province that publishes its fork sets its repository's address instead.
   */
  SOURCE_URL: z.string().default('/source.tar.gz'),
  /**
   * Who really sent a message: the authserv-id the province's receiving server writes in its
   * Authentication-Results (its milter's AuthservID); default MAIL_DOMAIN. Fields of any other
   * server are ignored.
   */
  AUTHSERV_ID: z.string().optional(),
  /** The government's mail domains (comma-separated; `*.gov.vn` = any subdomain); mail from others is "outside". */
  GOVERNMENT_DOMAINS: z.string().default('*.gov.vn'),
  /** Titles an outside sender's display name may not claim (comma-separated, matched without tones). */
  OFFICIAL_TITLES: z
    .string()
    .default(
      'Chủ tịch,Phó Chủ tịch,Giám đốc Sở,Phó Giám đốc Sở,Văn phòng UBND,Chánh Văn phòng,UBND tỉnh,Ủy ban nhân dân,Bí thư',
    ),
  /**
   * Đ14.2h: the certificates S/MIME signatures are checked against, a folder of PEM root
   * certificates (the national root, the licensed CAs) and optional intermediates, read at start.
   * Signed PDF attachments are checked against the same folder. Unset or empty: nothing is
   * trusted, every signature shows an untrusted issuer.
   */
  TRUST_ANCHORS_DIR: z.string().optional(),
  /** Revocation of signers' certificates by CRL (distribution points) or OCSP; off: never asked. */
  REVOCATION_CHECK: z.enum(['crl-ocsp', 'off']).default('crl-ocsp'),
  /** How long one CRL or OCSP request may take before the answer is "not checked". */
  REVOCATION_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  /**
   * Đ12.9, Đ13.5: domains of public free mail services a filter may not forward to (comma-separated;
   * `gmx.*` = any last label, `*.example.com` = any subdomain). Default: the well-known ones.
   */
  FORWARD_REFUSED_DOMAINS: z.string().optional(),
  /** The provider's ManageSieve server (RFC 5804): out-of-office and filters. Default: IMAP_HOST:4190. */
  MANAGESIEVE_HOST: z.string().optional(),
  MANAGESIEVE_PORT: port.default(4190),
  /** Refuse a ManageSieve server that does not offer STARTTLS (set when it is not on loopback). */
  MANAGESIEVE_REQUIRE_TLS: bool.default(false),
  /**
   * Đ14.2g: API clients act for a unit mailbox by logging in to the provider as
   * `<unit mailbox>*<master user>` (Dovecot's master user, over IMAP and SMTP AUTH). Without both,
   * the service API answers 503 api_clients_unavailable. The password is read from a file (0600),
   * never from the environment, at each use: a rotated secret needs no restart.
   */
  API_CLIENT_MASTER_USER: z.string().min(1).max(100).optional(),
  API_CLIENT_MASTER_PASSWORD_FILE: z.string().startsWith('/').optional(),
  /** Calls per minute allowed to one API client; more are answered 429 with Retry-After. */
  API_CLIENT_CALLS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  /** Who may scrape /metrics without a token: addresses or CIDR blocks, comma-separated. */
  METRICS_ALLOW: z.string().default('127.0.0.1,::1'),
  /** A bearer token that opens /metrics from anywhere (e.g. a Prometheus on another host). */
  METRICS_TOKEN: z.string().min(16).optional(),
});

export type Config = ReturnType<typeof loadConfig>;

export class ConfigError extends Error {}

function isUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** Reads the environment once at start and fails with one line per bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (
    !(e.QUOTA_NOTICE_PERCENT < e.QUOTA_WARNING_PERCENT && e.QUOTA_WARNING_PERCENT < e.QUOTA_CRITICAL_PERCENT)
  ) {
    throw new ConfigError(
      'Invalid configuration:\n  QUOTA_NOTICE_PERCENT < QUOTA_WARNING_PERCENT < QUOTA_CRITICAL_PERCENT must hold',
    );
  }
  const publicUrl = new URL(e.PUBLIC_URL);
  const onLoopback = ['127.0.0.1', 'localhost', '[::1]'].includes(publicUrl.hostname);
  return {
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    // Secure cookies everywhere but plain-http loopback, where browsers would drop them.
    cookieSecure: publicUrl.protocol === 'https:' || !onLoopback,
    trustProxyHops: e.TRUST_PROXY_HOPS,
    logLevel: e.LOG_LEVEL,
    dataDir: e.DATA_DIR,
    dataKeyFile: e.DATA_KEY_FILE || path.join(e.DATA_DIR, 'secret.key'),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    exportsDir: e.EXPORTS_DIR ?? path.join(e.DATA_DIR, 'exports'),
    migration: {
      concurrency: e.MIGRATION_CONCURRENCY,
      pauseMs: e.MIGRATION_PAUSE_MS,
      leaseMs: e.MIGRATION_LEASE_SECONDS * 1000,
    },
    instanceId: e.INSTANCE_ID ?? `${hostname()}:${e.PORT}`,
    staticDir: e.STATIC_DIR,
    org: {
      name: e.ORG_NAME,
      productName: e.PRODUCT_NAME,
      mailDomain: e.MAIL_DOMAIN,
      supportAddress: e.SUPPORT_ADDRESS ?? `hotro@${e.MAIL_DOMAIN}`,
      systemSender: e.SYSTEM_SENDER ?? `khongtraloi@${e.MAIL_DOMAIN}`,
      defaultLocale: e.DEFAULT_LOCALE,
      timeZone: e.TIME_ZONE,
    },
    imap: {
      host: e.IMAP_HOST,
      port: e.IMAP_PORT,
      secure: e.IMAP_SECURE,
      allowInsecureTls: e.IMAP_ALLOW_INSECURE_TLS,
      idleCloseMs: e.IMAP_IDLE_CLOSE_SECONDS * 1000,
    },
    smtp: { host: e.SMTP_HOST, port: e.SMTP_PORT, secure: e.SMTP_SECURE },
    session: { idleMs: e.SESSION_IDLE_MINUTES * 60_000, maxMs: e.SESSION_MAX_HOURS * 3_600_000 },
    auditRetentionMonths: e.AUDIT_RETENTION_MONTHS,
    quotaThresholds: {
      notice: e.QUOTA_NOTICE_PERCENT / 100,
      warning: e.QUOTA_WARNING_PERCENT / 100,
      critical: e.QUOTA_CRITICAL_PERCENT / 100,
    },
    loginThrottle: {
      perAccountAndIp: {
        maxFailures: e.LOGIN_MAX_FAILURES,
        windowMs: e.LOGIN_FAILURE_WINDOW_MINUTES * 60_000,
      },
      perIp: { maxFailures: e.LOGIN_MAX_FAILURES_PER_IP, windowMs: e.LOGIN_FAILURE_WINDOW_MINUTES * 60_000 },
    },
    limits: {
      attachmentMaxBytes: e.ATTACHMENT_MAX_BYTES,
      undoSendSeconds: e.UNDO_SEND_SECONDS,
      uploadTtlMs: e.UPLOAD_TTL_HOURS * 3_600_000,
      quotaMinBytes: e.QUOTA_MIN_BYTES,
      passwordMinLength: e.PASSWORD_MIN_LENGTH,
    },
    passwordAge: {
      remindFromDay: e.PASSWORD_REMIND_FROM_DAY,
      maxAgeDays: e.PASSWORD_MAX_AGE_DAYS,
      graceDays: e.PASSWORD_GRACE_DAYS,
    },
    passwordHistoryCount: e.PASSWORD_HISTORY_COUNT,
    console: {
      admins: e.CONSOLE_ADMINS.split(',')
        .map((a) => a.trim().normalize('NFC').toLowerCase())
        .filter(Boolean),
      lifecycleJobHour: e.LIFECYCLE_JOB_HOUR,
      providerAccountHook: e.PROVIDER_ACCOUNT_HOOK,
      unitsFile: e.UNITS_FILE,
    },
    holidays: holidayCalendar(loadHolidayList(e.HOLIDAYS_FILE)),
    passwordDriver:
      e.PASSWORD_DRIVER === 'ldap'
        ? {
            kind: 'ldap' as const,
            url: e.LDAP_URL,
            bindDn: e.LDAP_BIND_DN,
            bindPassword: e.LDAP_BIND_PASSWORD,
            userBase: e.LDAP_USER_BASE ?? `ou=people,${domainToDn(e.MAIL_DOMAIN)}`,
            userFilter: e.LDAP_USER_FILTER,
          }
        : { kind: 'passwd-file' as const, path: e.PASSWD_FILE_PATH, denyDir: e.PASSWD_FILE_DENY_DIR },
    sourceUrl: e.SOURCE_URL,
    senderTrust: {
      authservId: (e.AUTHSERV_ID || e.MAIL_DOMAIN).toLowerCase(),
      governmentDomains: list(e.GOVERNMENT_DOMAINS).map((d) => d.toLowerCase()),
      officialTitles: list(e.OFFICIAL_TITLES).map((t) => t.normalize('NFC')),
    },
    sieve: {
      host: e.MANAGESIEVE_HOST || e.IMAP_HOST,
      port: e.MANAGESIEVE_PORT,
      requireTls: e.MANAGESIEVE_REQUIRE_TLS,
      allowInsecureTls: e.IMAP_ALLOW_INSECURE_TLS,
      forwardRefusedDomains: e.FORWARD_REFUSED_DOMAINS
        ? list(e.FORWARD_REFUSED_DOMAINS).map((d) => d.toLowerCase())
        : [...DEFAULT_FORWARD_REFUSED_DOMAINS],
    },
    apiClients: {
      masterUser: e.API_CLIENT_MASTER_USER,
      masterPasswordFile: e.API_CLIENT_MASTER_PASSWORD_FILE,
      callsPerMinute: e.API_CLIENT_CALLS_PER_MINUTE,
    },
    metrics: {
      allow: e.METRICS_ALLOW.split(',')
        .map((a) => a.trim())
        .filter(Boolean),
      token: e.METRICS_TOKEN,
    },
    trust: {
      anchorsDir: e.TRUST_ANCHORS_DIR || undefined,
      revocation: {
        mode: e.REVOCATION_CHECK,
        timeoutMs: e.REVOCATION_TIMEOUT_MS,
        // A national CA's CRL can hold many thousand entries; more than this is refused.
        maxBytes: 20 * MB,
      },
    },
    pdfSignatures: {
      trustAnchorsDir: e.TRUST_ANCHORS_DIR || undefined,
      ocsp: e.PDF_SIGNATURE_OCSP,
      maxBytes: e.PDF_SIGNATURE_MAX_BYTES,
      timeoutMs: e.PDF_SIGNATURE_TIMEOUT_SECONDS * 1000,
    },
    malware: {
      mode: e.MALWARE_SCAN,
      clamd: clamdTarget(e.CLAMD_SOCKET),
      timeoutMs: e.CLAMD_TIMEOUT_SECONDS * 1000,
    },
    quotaWarnings: {
      doveadmUrl: e.DOVEADM_URL,
      doveadmApiKey: e.DOVEADM_API_KEY,
      lmtp: { host: e.LMTP_HOST, port: e.LMTP_PORT },
      everyMs: e.QUOTA_WARNING_JOB_MINUTES * 60_000,
      repeatAfterMs: e.QUOTA_WARNING_REPEAT_DAYS * 86_400_000,
    },
  };
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** "/run/clamav/clamd.ctl" is a unix socket, "scanner.local:3310" a TCP address. */
function clamdTarget(value: string): { path: string } | { host: string; port: number } {
  if (value.startsWith('/')) return { path: value };
  const at = value.lastIndexOf(':');
  return { host: value.slice(0, at), port: Number(value.slice(at + 1)) };
}

/** binhphuoc.gov.vn → dc=binhphuoc,dc=gov,dc=vn */
export function domainToDn(domain: string): string {
  return domain
    .split('.')
    .map((part) => `dc=${part}`)
    .join(',');
}
