import { readFileSync } from 'node:fs';
import type { Config } from '../config';
import { ApiError } from '../errors';
import type { Credentials } from '../mail/imap-pool';

/**
 * How the proxy acts as a unit mailbox at the provider (Đ14.2g): Dovecot's master user, written
 * `<mailbox>*<master user>` with the master user's password, for IMAP and for SMTP AUTH alike.
 * The unit mailbox's own password is never needed, never stored, and a person changing it does
 * not break the document management system. The password file is read at each use, so rotating
 * the secret needs no restart.
 */
export function unitMailboxLogin(config: Pick<Config, 'apiClients'>, mailbox: string): Credentials {
  const { masterUser, masterPasswordFile } = config.apiClients;
  if (!masterUser || !masterPasswordFile) throw new ApiError('api_clients_unavailable');
  let password: string;
  try {
    password = readFileSync(masterPasswordFile, 'utf8').trim();
  } catch (error) {
    throw new ApiError('api_clients_unavailable', undefined, { cause: error });
  }
  if (password === '') throw new ApiError('api_clients_unavailable');
  return { email: `${mailbox}*${masterUser}`, password };
}
