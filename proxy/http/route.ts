import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { RouteSpec } from '../../common/contract/route';

type Part<R, K extends 'params' | 'query' | 'body'> = R extends { [P in K]: infer S extends z.ZodType }
  ? S
  : undefined;
type JsonAnswers<R extends RouteSpec> = {
  [S in keyof R['responses'] as R['responses'][S] extends z.ZodType ? S : never]: R['responses'][S];
};

/** The schema key listing the statuses whose answer is not JSON (a 204, a file, a stream). */
export const NOT_JSON_ANSWERS = 'x-not-json-answers';

/**
 * The Fastify options of an operation of the route table (common/routes): method, URL and the
 * schemas that validate the request, serialise the answer and describe it in /api/openapi.json.
 * A handler adds only what it does: `app.route({ ...fromTable(routes.quota), handler })`.
 */
export function fromTable<const R extends RouteSpec>(spec: R) {
  const response = Object.fromEntries(Object.entries(spec.responses).filter(([, schema]) => schema !== null));
  const notJson = Object.entries(spec.responses)
    .filter(([, schema]) => schema === null)
    .map(([status]) => Number(status));
  return {
    method: spec.method,
    url: spec.path,
    // Only the parts the operation has: Fastify warns about a schema key whose value is missing.
    schema: {
      tags: [...spec.tags],
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.query ? { querystring: spec.query } : {}),
      ...(spec.body ? { body: spec.body } : {}),
      response,
      // Read only by the API document (api-docs/openapi-transform.ts), which describes them.
      ...(notJson.length > 0 ? { [NOT_JSON_ANSWERS]: notJson } : {}),
    },
  } as {
    method: R['method'];
    url: string;
    schema: {
      tags: string[];
      params: Part<R, 'params'>;
      querystring: Part<R, 'query'>;
      body: Part<R, 'body'>;
      response: JsonAnswers<R>;
    };
  };
}

/**
 * The reply of an answer the table declares as `null` (a 204, a file, a stream): no JSON schema
 * types it, so it is the plain Fastify reply.
 */
export const bytesReply = (reply: unknown): FastifyReply => reply as FastifyReply;

/** A 204 answer. */
export const sendNoContent = (reply: unknown): FastifyReply => bytesReply(reply).status(204).send(null);
