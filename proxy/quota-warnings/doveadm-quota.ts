/**
 * Every mailbox's storage quota, read through Dovecot's doveadm HTTP API (`quotaGet` with
 * `allUsers`, the HTTP form of `doveadm quota get -A`): the quota warning job must also reach
 * accounts that never log in, so it cannot rely on their IMAP sessions.
 */

export interface MailboxQuota {
  email: string;
  usedBytes: number;
  /** null: the mailbox has no storage limit. */
  limitBytes: number | null;
}

export interface DoveadmTarget {
  /** e.g. http://127.0.0.1:10081/doveadm/v1 (not 10080: fetch refuses that port) */
  url: string;
  /** doveadm_api_key as configured in Dovecot (sent base64-encoded). */
  apiKey: string | undefined;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export type DoveadmErrorCode =
  | 'doveadm_not_configured'
  | 'doveadm_unreachable'
  | 'doveadm_unauthorized'
  | 'doveadm_failed'
  | 'doveadm_bad_response';

export class DoveadmError extends Error {
  constructor(
    readonly code: DoveadmErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DoveadmError';
  }
}

/** doveadm reports storage in kilobytes (as `quota get` prints it); "-" means no limit. */
const KB = 1024;

interface QuotaRow {
  username: string;
  type: string;
  value: string;
  limit: string;
}

export async function readAllQuotas(target: DoveadmTarget): Promise<MailboxQuota[]> {
  if (!target.apiKey) {
    throw new DoveadmError(
      'doveadm_not_configured',
      'DOVEADM_API_KEY is not set (doveadm_api_key of Dovecot)',
    );
  }
  const tag = 'quota-warnings';
  const doFetch = target.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(target.url, {
      method: 'POST',
      headers: {
        authorization: `X-Dovecot-API ${Buffer.from(target.apiKey).toString('base64')}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify([['quotaGet', { allUsers: true }, tag]]),
      signal: AbortSignal.timeout(target.timeoutMs ?? 120_000),
    });
  } catch (error) {
    throw new DoveadmError(
      'doveadm_unreachable',
      `doveadm HTTP API at ${target.url} did not answer: ${reason(error)}`,
      {
        cause: error,
      },
    );
  }
  if (response.status === 401 || response.status === 403) {
    throw new DoveadmError(
      'doveadm_unauthorized',
      `doveadm HTTP API at ${target.url} refused the API key (HTTP ${response.status}); check DOVEADM_API_KEY against doveadm_api_key`,
    );
  }
  if (!response.ok) {
    throw new DoveadmError(
      'doveadm_failed',
      `doveadm HTTP API at ${target.url} answered HTTP ${response.status}`,
    );
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    throw new DoveadmError(
      'doveadm_bad_response',
      `doveadm HTTP API answered with something other than JSON: ${reason(error)}`,
    );
  }
  return parseQuotaGetResponse(body, tag);
}

/**
 * `[["doveadmResponse", [{username, root, type, value, limit, percent}, …], tag]]`, or
 * `[["error", {type, exitCode}, tag]]` (exit codes as doveadm's: 67 unknown user, 75 temporary).
 */
export function parseQuotaGetResponse(body: unknown, tag: string): MailboxQuota[] {
  const reply = Array.isArray(body) ? body.find((r) => Array.isArray(r) && r[2] === tag) : undefined;
  if (!Array.isArray(reply)) {
    throw new DoveadmError('doveadm_bad_response', `no reply tagged ${tag} in the doveadm response`);
  }
  const [kind, payload] = reply as [unknown, unknown];
  if (kind === 'error') {
    const p = payload as { type?: string; exitCode?: number } | undefined;
    throw new DoveadmError(
      'doveadm_failed',
      `doveadm quotaGet failed: ${p?.type ?? 'error'}${p?.exitCode !== undefined ? ` (exit code ${p.exitCode})` : ''}`,
    );
  }
  if (kind !== 'doveadmResponse' || !Array.isArray(payload)) {
    throw new DoveadmError('doveadm_bad_response', `unexpected doveadm reply "${String(kind)}"`);
  }
  // One row per quota root and type; with several roots the fullest one is what the user meets.
  const byUser = new Map<string, MailboxQuota>();
  for (const row of payload as QuotaRow[]) {
    if (row?.type !== 'STORAGE' || typeof row.username !== 'string') continue;
    const usedKb = Number(row.value);
    const limitKb = row.limit === '-' || row.limit === '' ? null : Number(row.limit);
    if (!Number.isFinite(usedKb) || (limitKb !== null && !Number.isFinite(limitKb))) {
      throw new DoveadmError('doveadm_bad_response', `unreadable quota row for ${row.username}`);
    }
    const quota: MailboxQuota = {
      email: row.username.toLowerCase(),
      usedBytes: usedKb * KB,
      limitBytes: limitKb === null || limitKb <= 0 ? null : limitKb * KB,
    };
    const earlier = byUser.get(quota.email);
    if (!earlier || fullness(quota) > fullness(earlier)) byUser.set(quota.email, quota);
  }
  return [...byUser.values()];
}

const fullness = (q: MailboxQuota) => (q.limitBytes ? q.usedBytes / q.limitBytes : 0);

function reason(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return cause ? `${error.message} (${cause})` : error.message;
  }
  return String(error);
}
