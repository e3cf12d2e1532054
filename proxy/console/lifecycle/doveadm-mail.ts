/**
 * The two doveadm HTTP commands the mailbox export needs (`mailbox list`, `fetch`), with the
 * same target and errors as the quota warning job's client: the export reads the mailbox at the
 * provider as the admin, without the holder's password.
 */
import { DoveadmError, type DoveadmTarget } from '../../quota-warnings/doveadm-quota';

async function doveadm<T>(target: DoveadmTarget, command: string, params: object): Promise<T[]> {
  if (!target.apiKey || !target.url) {
    throw new DoveadmError('doveadm_not_configured', 'DOVEADM_URL / DOVEADM_API_KEY are not set');
  }
  const tag = 'export';
  let response: Response;
  try {
    response = await (target.fetch ?? fetch)(target.url, {
      method: 'POST',
      headers: {
        authorization: `X-Dovecot-API ${Buffer.from(target.apiKey).toString('base64')}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify([[command, params, tag]]),
      signal: AbortSignal.timeout(target.timeoutMs ?? 120_000),
    });
  } catch (error) {
    throw new DoveadmError('doveadm_unreachable', `doveadm ${command}: ${String(error)}`, { cause: error });
  }
  if (response.status === 401 || response.status === 403) {
    throw new DoveadmError('doveadm_unauthorized', `doveadm refused the API key (HTTP ${response.status})`);
  }
  if (!response.ok) throw new DoveadmError('doveadm_failed', `doveadm ${command}: HTTP ${response.status}`);
  const body = (await response.json().catch(() => null)) as unknown;
  const reply = Array.isArray(body) ? body.find((r) => Array.isArray(r) && r[2] === tag) : undefined;
  if (!Array.isArray(reply)) throw new DoveadmError('doveadm_bad_response', `doveadm ${command}: no reply`);
  const [kind, payload] = reply as [string, unknown];
  if (kind === 'error') {
    const exitCode = (payload as { exitCode?: number } | null)?.exitCode;
    // 67: unknown user, as `doveadm` exits.
    throw new DoveadmError('doveadm_failed', `doveadm ${command} failed (exit code ${exitCode ?? '?'})`);
  }
  if (kind !== 'doveadmResponse' || !Array.isArray(payload)) {
    throw new DoveadmError('doveadm_bad_response', `doveadm ${command}: unexpected reply ${kind}`);
  }
  return payload as T[];
}

/** Every folder of the mailbox (names in UTF-8, as doveadm prints them). */
export async function listFolders(target: DoveadmTarget, user: string): Promise<string[]> {
  const rows = await doveadm<{ mailbox: string }>(target, 'mailboxList', { user });
  return rows.map((r) => r.mailbox);
}

export interface MessageStub {
  uid: number;
  size: number;
  /** "2026-10-30 09:30:00" as doveadm prints the delivery time. */
  received: string;
}

export async function listMessages(
  target: DoveadmTarget,
  user: string,
  folder: string,
): Promise<MessageStub[]> {
  const rows = await doveadm<Record<string, string>>(target, 'fetch', {
    user,
    field: ['uid', 'size.physical', 'date.received'],
    query: ['mailbox', folder, 'all'],
  });
  return rows.map((r) => ({
    uid: Number(r.uid),
    size: Number(r['size.physical']) || 0,
    received: r['date.received'] ?? '',
  }));
}

/** The full text of the messages with these UIDs, by UID. */
export async function fetchTexts(
  target: DoveadmTarget,
  user: string,
  folder: string,
  uids: number[],
): Promise<Map<number, string>> {
  const rows = await doveadm<{ uid: string; text: string }>(target, 'fetch', {
    user,
    field: ['uid', 'text'],
    query: ['mailbox', folder, 'uid', uids.join(',')],
  });
  return new Map(rows.map((r) => [Number(r.uid), r.text]));
}
