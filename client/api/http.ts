import type { ApiErrorBody, ErrorCode } from '../../common/contract';

/** A failure the UI can explain: `code` picks the catalogue message (errors.<code>). */
export class ApiClientError extends Error {
  constructor(
    readonly code: ErrorCode | 'network',
    readonly status: number,
    readonly details: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => undefined;
let onPasswordChangeRequired: () => void = () => undefined;
let acceptLanguage = 'vi';

/** Set from the session response; sent back on every state-changing request. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}
/** For requests that cannot go through apiFetch (XMLHttpRequest uploads, for their progress). */
export function getCsrfToken(): string {
  return csrfToken ?? 'login';
}
export function setUnauthenticatedHandler(handler: () => void) {
  onUnauthenticated = handler;
}
export function setPasswordChangeRequiredHandler(handler: () => void) {
  onPasswordChangeRequired = handler;
}
export function setRequestLanguage(locale: string) {
  acceptLanguage = locale;
}

export async function apiFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json');
  headers.set('accept-language', acceptLanguage);
  // The proxy refuses state changes without this header; it doubles as the CSRF token.
  headers.set('x-csrf-token', getCsrfToken());
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(init.json);
  }
  let res: Response;
  try {
    res = await fetch(`/api${path}`, { ...init, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiClientError('network', 0);
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) throw toApiError(res.status, data);
  return data as T;
}

/** The error of a failed answer, with the session's reactions (log-in screen, password change). */
export function toApiError(status: number, data: unknown): ApiClientError {
  const err = (data as ApiErrorBody | null)?.error;
  const apiError = new ApiClientError(err?.code ?? 'internal_error', status, err?.details ?? {});
  if (apiError.code === 'not_authenticated') onUnauthenticated();
  if (apiError.code === 'password_change_required') onPasswordChangeRequired();
  return apiError;
}

export const encodeMailbox = (path: string) => encodeURIComponent(path);
