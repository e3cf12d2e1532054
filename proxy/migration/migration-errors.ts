import { ApiError } from '../errors';

interface SocketOrImapError {
  code?: string;
  authenticationFailed?: boolean;
}

const HOST_UNKNOWN = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME']);
const TIMEOUT = new Set(['ETIMEDOUT', 'ETIMEOUT', 'CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT']);
const SELF_SIGNED = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN']);
const LOST = new Set(['ECONNRESET', 'EPIPE', 'NoConnection', 'EConnectionClosed', 'ClosedAfterConnectText']);

/**
 * The one place that turns what Node's sockets and imapflow say about the OLD server into the
 * migration's codes (common/contract/errors.ts), each with a Vietnamese text of its own: the user
 * must learn whether to fix the host, the port, the security setting or the password.
 */
export function oldServerError(err: unknown, host: string): ApiError {
  if (err instanceof ApiError) return err;
  const e = (err ?? {}) as SocketOrImapError;
  const code = e.code ?? '';
  if (e.authenticationFailed) return new ApiError('migration_login_failed', undefined, { cause: err });
  if (HOST_UNKNOWN.has(code)) return new ApiError('migration_host_unknown', { host }, { cause: err });
  if (code === 'ECONNREFUSED') return new ApiError('migration_connection_refused', { host }, { cause: err });
  if (TIMEOUT.has(code)) return new ApiError('migration_timeout', { host }, { cause: err });
  if (SELF_SIGNED.has(code)) return new ApiError('migration_tls_self_signed', { host }, { cause: err });
  if (code === 'CERT_HAS_EXPIRED') return new ApiError('migration_tls_expired', { host }, { cause: err });
  if (
    code.startsWith('ERR_SSL_') ||
    code.startsWith('ERR_TLS_') ||
    code.startsWith('CERT_') ||
    code.startsWith('UNABLE_TO_') ||
    code === 'ClosedAfterConnectTLS'
  ) {
    return new ApiError('migration_tls_failed', { host }, { cause: err });
  }
  if (LOST.has(code)) return new ApiError('migration_connection_lost', { host }, { cause: err });
  return new ApiError('migration_connection_lost', { host }, { cause: err });
}

/** A lost connection is worth another try from where the copy stopped; the rest is not. */
export function isRetryable(err: unknown): boolean {
  return (
    err instanceof ApiError && (err.code === 'migration_connection_lost' || err.code === 'migration_timeout')
  );
}
