/**
 * Dovecot's passwd-file format, as the stack uses it for both passdb and userdb:
 *
 *   user:{SHA512-CRYPT}hash::::::extra fields separated by spaces
 *
 * uid, gid and home stay empty because dovecot.conf sets mail_uid/mail_gid/mail_home for
 * everyone. Pure functions only; mail-users.ts does the file I/O.
 */

export interface PasswdFileEntry {
  /** Full address, lower case: Dovecot looks users up with username_format=%Lu. */
  user: string;
  passwordHash: string;
  /**
   * The gecos field, which Dovecot ignores: "Full name,Unit". The proxy reads it as the province
   * directory until the admin console keeps its own (issue 6).
   */
  gecos?: string;
  /** Extra fields in file order, e.g. ["userdb_quota_rule", "*:storage=2G"], ["nologin", "y"]. */
  extraFields: [string, string][];
}

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

// Dovecot splits extra fields on ASCII spaces and has no quoting, so a reason such as
// "Tạm khóa do ..." would lose every word but the first. A no-break space survives the split,
// and Dovecot passes the UTF-8 bytes through to the IMAP NO response unchanged.
const NO_BREAK_SPACE = '\u00a0';

export function parsePasswdFile(text: string): PasswdFileEntry[] {
  const entries: PasswdFileEntry[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#') || line.startsWith(':')) continue;
    const parts = line.split(':');
    const [user = '', passwordHash = '', , , gecos = ''] = parts;
    // Fields 2-6 are uid, gid, gecos, home, shell; the rest (joined back, as a quota rule
    // contains ':') are the extra fields.
    const extra = parts.slice(7).join(':');
    entries.push({ user, passwordHash, ...(gecos ? { gecos } : {}), extraFields: parseExtraFields(extra) });
  }
  return entries;
}

export function formatPasswdFile(entries: PasswdFileEntry[]): string {
  return entries.map(formatPasswdFileLine).join('\n') + (entries.length > 0 ? '\n' : '');
}

export function formatPasswdFileLine(entry: PasswdFileEntry): string {
  for (const value of [entry.user, entry.passwordHash]) {
    if (/[:\s]/.test(value)) throw new Error(`passwd-file field may not contain ':' or spaces: ${value}`);
  }
  if (entry.gecos && /[:\n]/.test(entry.gecos))
    throw new Error(`gecos may not contain ':' or newlines: ${entry.gecos}`);
  const extra = entry.extraFields.map(([key, value]) => (value === '' ? key : `${key}=${value}`)).join(' ');
  return `${entry.user}:${entry.passwordHash}:::${entry.gecos ?? ''}:::${extra}`;
}

function parseExtraFields(extra: string): [string, string][] {
  return extra
    .split(' ')
    .filter((field) => field !== '')
    .map((field) => {
      const eq = field.indexOf('=');
      return eq < 0 ? [field, ''] : [field.slice(0, eq), field.slice(eq + 1)];
    });
}

export function extraField(entry: PasswdFileEntry, key: string): string | undefined {
  return entry.extraFields.find(([k]) => k === key)?.[1];
}

export function withExtraField(entry: PasswdFileEntry, key: string, value: string | null): PasswdFileEntry {
  const others = entry.extraFields.filter(([k]) => k !== key);
  return { ...entry, extraFields: value === null ? others : [...others, [key, value]] };
}

/** Dovecot quota rule for a byte limit, in the largest exact unit ("2G", "1M", "1500B"). */
export function quotaRule(bytes: number): string {
  if (!Number.isSafeInteger(bytes) || bytes <= 0)
    throw new Error(`quota must be a positive integer: ${bytes}`);
  if (bytes % GIB === 0) return `*:storage=${bytes / GIB}G`;
  if (bytes % MIB === 0) return `*:storage=${bytes / MIB}M`;
  return `*:storage=${bytes}B`;
}

export function quotaBytesOf(entry: PasswdFileEntry): number | undefined {
  // Only the forms quotaRule() writes; anything else is somebody's hand edit, reported as unknown.
  const match = /^\*:storage=(\d+)([BKMGT])$/i.exec(extraField(entry, 'userdb_quota_rule') ?? '');
  if (!match) return undefined;
  const scale: Record<string, number> = { B: 1, K: 1024, M: MIB, G: GIB, T: 1024 * GIB };
  return Number(match[1]) * (scale[(match[2] ?? 'B').toUpperCase()] ?? 1);
}

/** The value of `reason=`: NFC, spaces as no-break spaces, '%' escaped from Dovecot's %variables. */
export function encodeSuspendReason(reason: string): string {
  return reason.normalize('NFC').trim().replace(/\s+/g, NO_BREAK_SPACE).replace(/%/g, '%%');
}

export function decodeSuspendReason(value: string): string {
  return value.replace(/%%/g, '%').replaceAll(NO_BREAK_SPACE, ' ');
}

/** Đ6.1: a suspended mailbox cannot log in (IMAP answers [CONTACTADMIN]) but still receives. */
export function withSuspension(entry: PasswdFileEntry, reason: string | null): PasswdFileEntry {
  const cleared = withExtraField(withExtraField(entry, 'nologin', null), 'reason', null);
  if (reason === null) return cleared;
  return withExtraField(withExtraField(cleared, 'nologin', 'y'), 'reason', encodeSuspendReason(reason));
}

export function suspendReasonOf(entry: PasswdFileEntry): string | null {
  if (extraField(entry, 'nologin') === undefined) return null;
  return decodeSuspendReason(extraField(entry, 'reason') ?? '');
}

/** "Trần Văn Thanh,Sở Thông tin và Truyền thông" → name and unit. */
export function gecosFields(entry: PasswdFileEntry): { name: string | null; unit: string | null } {
  const [name = '', ...unit] = (entry.gecos ?? '').split(',');
  return { name: name.trim() || null, unit: unit.join(',').trim() || null };
}

export function gecosOf(name: string | undefined, unit: string | undefined): string | undefined {
  const clean = (s: string | undefined) =>
    s
      ?.normalize('NFC')
      .replace(/[:,\n]/g, ' ')
      .trim() ?? '';
  const joined = [clean(name), clean(unit)].filter(Boolean).join(',');
  return joined || undefined;
}
