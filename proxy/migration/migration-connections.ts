import { ImapFlow, type ListResponse } from 'imapflow';
import type { MigrationSecurity } from '../../common/contract/migration';
import { ApiError } from '../errors';
import { type Credentials, type ImapServer, imapClientOptions } from '../mail/imap-pool';
import type { SourceFolder, TargetFolder } from './folder-plan';
import { oldServerError } from './migration-errors';

export interface OldServerLogin {
  host: string;
  port: number;
  security: MigrationSecurity;
  acceptSelfSigned: boolean;
  user: string;
  password: string;
}

/**
 * A connection to the old server. SSL/TLS from the first byte, STARTTLS required (never a silent
 * fall-back to plain text), or no encryption at all when the user chose it (warned in the form).
 * A self-signed certificate passes only when the user ticked that it may.
 */
export async function connectOldServer(login: OldServerLogin): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: login.host,
    port: login.port,
    secure: login.security === 'tls',
    doSTARTTLS: login.security === 'starttls' ? true : login.security === 'none' ? false : undefined,
    tls: { rejectUnauthorized: !login.acceptSelfSigned },
    auth: { user: login.user, pass: login.password },
    logger: false,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 2 * 60_000,
    disableAutoIdle: true,
  });
  // A drop after log-in surfaces on the next command; the event alone must not end the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (err) {
    client.close();
    throw oldServerError(err, login.host);
  }
  return client;
}

/**
 * The new mailbox, on a connection of the job's own: the user's pooled connection stays free for
 * the user's own requests, which never wait behind a migration's APPENDs.
 */
export async function connectTarget(server: ImapServer, creds: Credentials): Promise<ImapFlow> {
  const client = new ImapFlow({ ...imapClientOptions(server, creds), disableAutoIdle: true });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (err) {
    client.close();
    throw new ApiError('migration_target_failed', undefined, { cause: err });
  }
  return client;
}

export async function closeQuietly(client: ImapFlow | null): Promise<void> {
  if (!client) return;
  await client.logout().catch(() => client.close());
}

/** Only a flag the server reported counts (imapflow also guesses from names; folder-plan does that itself). */
export const reportedUse = (f: ListResponse) =>
  f.specialUse && f.specialUseSource !== 'name' ? f.specialUse : null;

export function asSourceFolder(f: ListResponse): SourceFolder {
  return {
    path: f.path,
    delimiter: f.delimiter || null,
    specialUse: reportedUse(f),
    selectable: !f.flags.has('\\Noselect') && !f.flags.has('\\NonExistent'),
    messages: f.status?.messages ?? 0,
  };
}

export function asTargetFolder(f: ListResponse): TargetFolder {
  return { path: f.path, delimiter: f.delimiter || null, specialUse: reportedUse(f) };
}
