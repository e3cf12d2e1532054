import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { NOT_JSON_ANSWERS } from '../http/route';

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

/**
 * The zod provider's transform, plus the answers that have no JSON schema: the route table
 * declares them `null` (a 204, a file, a download, an event stream) and Fastify must not
 * serialise them, so they are described here only. Without them such an operation has an empty
 * `responses`, which OpenAPI does not allow.
 */
export function openapiTransform(input: TransformInput) {
  const { [NOT_JSON_ANSWERS]: notJson, ...schema } = (input.schema ?? {}) as Record<string, unknown> & {
    [NOT_JSON_ANSWERS]?: number[];
  };
  const out = jsonSchemaTransform({ ...input, schema: schema as TransformInput['schema'] });
  if (!notJson?.length) return out;
  const described = Object.fromEntries(notJson.map((status) => [status, notJsonAnswer(status)]));
  const response = (out.schema as { response?: Record<string, unknown> }).response ?? {};
  return { ...out, schema: { ...out.schema, response: { ...response, ...described } } };
}

function notJsonAnswer(status: number) {
  if (status === 204) return { type: 'null', description: 'Done; no content.' };
  return {
    description: 'Not JSON: a file, a download or an event stream, with its own Content-Type.',
    content: { '*/*': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } },
  };
}
