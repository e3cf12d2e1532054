import { z } from 'zod';
import { ApiErrorBody } from './errors';

/**
 * One HTTP operation, declared once: the proxy registers its Fastify route from it (validation,
 * serialisation, OpenAPI) and the client builds its request from it (path, query, body, result
 * type). A path is written here and nowhere else.
 */
export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Relative to /api, Fastify style: `/mailboxes/:mailbox/messages/:uid`. */
  path: string;
  tags: readonly string[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The answer by status; a `null` body means no JSON (204, a file, an event stream). */
  responses: Readonly<Record<number, z.ZodType | null>>;
  /** A POST that carries its own idempotency key: sending it twice acts once (see retry.ts). */
  idempotent?: boolean;
}

export const route = <const R extends RouteSpec>(spec: R): R => spec;

/** The error answers an operation documents, all shaped as ApiErrorBody. */
export function errorAnswers<const S extends readonly number[]>(
  ...statuses: S
): { [K in S[number]]: typeof ApiErrorBody } {
  return Object.fromEntries(statuses.map((s) => [s, ApiErrorBody])) as {
    [K in S[number]]: typeof ApiErrorBody;
  };
}

/**
 * A yes/no in a query string. The client writes `1` (and leaves the parameter out for no); `0`,
 * `true` and `false` are read too, so links written by hand keep working.
 */
export const QueryFlag = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((v) => v === '1' || v === 'true');

type Schema<R, K extends 'params' | 'query' | 'body'> = R extends { [P in K]: infer S extends z.ZodType }
  ? S
  : never;
/** What the caller supplies for the path: the parsed form (numbers as numbers). */
export type RouteParams<R extends RouteSpec> = [Schema<R, 'params'>] extends [never]
  ? undefined
  : z.output<Schema<R, 'params'>>;
/** The query as the handler reads it; the client may leave out whatever has a default. */
export type RouteQuery<R extends RouteSpec> = [Schema<R, 'query'>] extends [never]
  ? undefined
  : Partial<z.output<Schema<R, 'query'>>>;
/** The body as sent (before the proxy's trims and defaults). */
export type RouteBody<R extends RouteSpec> = [Schema<R, 'body'>] extends [never]
  ? undefined
  : z.input<Schema<R, 'body'>>;
type SuccessSchema<R extends RouteSpec> = R['responses'] extends { 200: infer S }
  ? S
  : R['responses'] extends { 201: infer S }
    ? S
    : null;
/** What a successful call returns (void for 204 and for answers that are not JSON). */
export type RouteResult<R extends RouteSpec> =
  SuccessSchema<R> extends z.ZodType ? z.output<SuccessSchema<R>> : undefined;

/** `/mailboxes/:mailbox/messages/:uid` with its parameters filled in, each percent-encoded. */
export function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '')
      throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

/** Query values written as the proxy reads them: yes as `1`, no and empty left out. */
export function queryString(query: Record<string, unknown> | undefined): string {
  // Written out rather than with URLSearchParams: common/ runs with neither the DOM's nor Node's
  // globals, and encodeURIComponent is the same everywhere (spaces as %20, which the proxy reads).
  const pairs: string[] = [];
  const add = (key: string, value: unknown) =>
    pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(value === true ? '1' : String(value))}`);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    if (Array.isArray(value)) for (const item of value) add(key, item);
    else add(key, value);
  }
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

/** The URL of an operation under /api, for links, downloads and the event stream. */
export function routeUrl<R extends RouteSpec>(
  spec: R,
  params?: RouteParams<R>,
  query?: RouteQuery<R>,
): string {
  return `/api${fillPath(spec.path, params as Record<string, unknown> | undefined)}${queryString(query as Record<string, unknown> | undefined)}`;
}
