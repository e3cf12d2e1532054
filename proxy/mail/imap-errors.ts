import { ApiError } from '../errors';

interface ImapFlowLikeError {
  code?: string;
  authenticationFailed?: boolean;
  serverResponseCode?: string;
  responseText?: string;
  responseStatus?: string;
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EPIPE',
  'NoConnection',
  'EConnectionClosed',
  'CONNECT_TIMEOUT',
  'GREETING_TIMEOUT',
  'UPGRADE_TIMEOUT',
  'ETIMEOUT',
  'ClosedAfterConnectText',
  'ClosedAfterConnectTLS',
]);

/**
 * imapflow refuses to put these values in a command (a string with CR, LF or NUL cannot be quoted,
 * a sequence set or search that means nothing): they came from the request, so it was a bad one.
 */
const UNSENDABLE_VALUE_CODES = new Set([
  'InvalidStringValue',
  'InvalidTokenValue',
  'InvalidTextValue',
  'InvalidSequenceSet',
  'InvalidSearchQuery',
]);

/** True when the connection itself failed, so a fresh connection may succeed. */
export function isConnectionError(err: unknown): boolean {
  const code = (err as ImapFlowLikeError | undefined)?.code;
  return typeof code === 'string' && CONNECTION_CODES.has(code);
}

/**
 * The one place that turns imapflow's machine fields into our codes; nothing else matches IMAP
 * response text. Dovecot answers [CONTACTADMIN] for a passwd-file `nologin` account, which is
 * how a suspended mailbox (Đ6.1) refuses log-in while it keeps receiving.
 */
export function mapLoginError(err: unknown): ApiError {
  const e = (err ?? {}) as ImapFlowLikeError;
  if (e.serverResponseCode === 'CONTACTADMIN') {
    return new ApiError('account_suspended', reasonDetails(e.responseText), { cause: err });
  }
  if (e.authenticationFailed) return new ApiError('invalid_credentials', undefined, { cause: err });
  return new ApiError('provider_unavailable', undefined, { cause: err });
}

/**
 * Errors after log-in: lost connections are the provider's fault, a value imapflow cannot send is
 * the request's, the rest is ours to report. A
 * password the provider no longer accepts (changed elsewhere, reset by the admin) ends the session.
 */
export function mapSessionError(err: unknown): unknown {
  if (err instanceof ApiError) {
    return err.code === 'invalid_credentials'
      ? new ApiError('not_authenticated', undefined, { cause: err })
      : err;
  }
  if (isConnectionError(err)) return new ApiError('provider_unavailable', undefined, { cause: err });
  const code = (err as ImapFlowLikeError | undefined)?.code;
  if (code && UNSENDABLE_VALUE_CODES.has(code)) {
    return new ApiError('validation_failed', undefined, { cause: err });
  }
  return err;
}

function reasonDetails(responseText: string | undefined): Record<string, string> | undefined {
  // Dovecot prefixes its own text; the part after the response code is the recorded reason.
  // The passwd-file cannot hold spaces, so the stack stores them as no-break spaces (U+00A0).
  const reason = responseText
    ?.replace(/^\[CONTACTADMIN\]\s*/i, '')
    .replace(/\u00a0/g, ' ')
    .trim()
    .normalize('NFC');
  return reason ? { reason } : undefined;
}

/** True when the server refused an APPEND because the mailbox is over quota (RFC 5530 OVERQUOTA). */
export function isOverQuota(error: unknown): boolean {
  const e = error as { serverResponseCode?: string; responseText?: string; message?: string };
  return (
    e?.serverResponseCode === 'OVERQUOTA' ||
    /quota/i.test(e?.responseText ?? '') ||
    /OVERQUOTA|quota exceeded/i.test(e?.message ?? '')
  );
}
