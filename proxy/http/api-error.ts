import vi from '../../client/i18n/vi.json' with { type: 'json' };
import { ERROR_STATUS, type ErrorCode } from '../contract';

/**
 * A failure with a stable code. Services throw it; the error handler turns it into
 * `{ error: { code, message, details } }` with the status the contract assigns to the code.
 */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, string | number>,
    options?: { cause?: unknown },
  ) {
    super(code, options);
    this.status = ERROR_STATUS[code];
  }
}

const errorCatalogue: Record<string, string> = vi.errors;

/** Vietnamese text for API callers that show messages as they are (the SPA uses its catalogue). */
export function vietnameseMessage(code: ErrorCode, details?: Record<string, string | number>): string {
  const template = errorCatalogue[code] ?? errorCatalogue.internal_error ?? code;
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(details?.[key] ?? ''));
}
