import type { ErrorCode } from '../common/contract';

/**
 * A failure of the domain with a stable code (common/contract/errors.ts). Services, the mail layer
 * and the stores throw it; http/error-handler.ts is the one place that turns it into
 * `{ error: { code, message, details } }` with the HTTP status the contract assigns to the code (ERROR_STATUS).
 */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, string | number>,
    options?: { cause?: unknown },
  ) {
    super(code, options);
  }
}
