import { ApiError } from '../errors';
import { isConnectionError } from './imap-errors';

interface ImapRefusal {
  responseStatus?: string;
  serverResponseCode?: string;
}

/**
 * A folder or message action the server answered NO/BAD to: a stable code from the response
 * code (RFC 5530) where there is one, else `action_refused`. Connection failures pass through so
 * the pool retries them; our own ApiErrors pass through untouched.
 */
export function mapActionError(err: unknown, details?: Record<string, string | number>): unknown {
  if (err instanceof ApiError || isConnectionError(err)) return err;
  const e = (err ?? {}) as ImapRefusal;
  if (e.responseStatus !== 'NO' && e.responseStatus !== 'BAD') return err;
  switch (e.serverResponseCode) {
    case 'ALREADYEXISTS':
      return new ApiError('folder_exists', details, { cause: err });
    case 'NONEXISTENT':
    case 'TRYCREATE':
      return new ApiError('mailbox_not_found', details, { cause: err });
    case 'OVERQUOTA':
      return new ApiError('mailbox_full', details, { cause: err });
    case 'CANNOT':
      return new ApiError('folder_name_invalid', details, { cause: err });
    default:
      return new ApiError('action_refused', details, { cause: err });
  }
}
