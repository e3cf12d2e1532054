import type { ApiErrorBody, ErrorCode } from '../../common/contract';
import { isProxyAnswer, mayRetryOnce, RETRY_DELAY_MS } from '../../common/contract/retry';
import {
  fillPath,
  queryString,
  type RouteBody,
  type RouteParams,
  type RouteQuery,
  type RouteResult,
  type RouteSpec,
} from '../../common/contract/route';

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

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One request, sent a second time when an instance behind the load balancer stopped under it and
 * the request cannot act twice (common/contract/retry.ts); never more than once.
 */
async function fetchOnceMore(url: string, init: RequestInit, idempotent: boolean): Promise<Response> {
  const request = { method: init.method ?? 'GET', idempotent };
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    if (!mayRetryOnce(request, { kind: 'network' })) throw new ApiClientError('network', 0);
    await pause(RETRY_DELAY_MS);
    return fetch(url, init).catch(() => {
      throw new ApiClientError('network', 0);
    });
  }
  const fromProxy = isProxyAnswer(res.headers.get('content-type'));
  if (!res.ok && mayRetryOnce(request, { kind: 'status', status: res.status, fromProxy })) {
    await pause(RETRY_DELAY_MS);
    return fetch(url, init).catch(() => {
      throw new ApiClientError('network', 0);
    });
  }
  return res;
}

export async function apiFetch<T>(
  path: string,
  init: RequestInit & { json?: unknown; idempotent?: boolean } = {},
): Promise<T> {
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
  const { json: _json, idempotent = false, ...rest } = init;
  const res = await fetchOnceMore(
    `/api${path}`,
    { ...rest, headers, body, credentials: 'same-origin' },
    idempotent,
  );
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) throw toApiError(res.status, data);
  return data as T;
}

export type CallInput<R extends RouteSpec> = (RouteParams<R> extends undefined
  ? { params?: undefined }
  : { params: RouteParams<R> }) &
  (RouteQuery<R> extends undefined ? { query?: undefined } : { query?: RouteQuery<R> }) &
  (RouteBody<R> extends undefined ? { body?: undefined } : { body: RouteBody<R> });

/** Calls one operation of the route table (common/routes): path, query and body built from the declaration the proxy validates with; the result typed by its response schema. */
export function callApi<R extends RouteSpec>(
  spec: R,
  input: CallInput<R>,
  init: Omit<RequestInit, 'method' | 'body'> = {},
): Promise<RouteResult<R>> {
  const { params, query, body } = input as { params?: object; query?: object; body?: unknown };
  const path = `${fillPath(spec.path, params as Record<string, unknown>)}${queryString(query as Record<string, unknown>)}`;
  return apiFetch<RouteResult<R>>(path, {
    ...init,
    method: spec.method,
    idempotent: spec.idempotent === true,
    ...(body !== undefined ? { json: body } : {}),
  });
}

/** The error of a failed answer, with the session's reactions (log-in screen, password change). */
export function toApiError(status: number, data: unknown): ApiClientError {
  const err = (data as ApiErrorBody | null)?.error;
  const apiError = new ApiClientError(err?.code ?? 'internal_error', status, err?.details ?? {});
  if (apiError.code === 'not_authenticated') onUnauthenticated();
  if (apiError.code === 'password_change_required') onPasswordChangeRequired();
  return apiError;
}
