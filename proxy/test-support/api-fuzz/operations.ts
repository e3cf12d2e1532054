/**
 * The operations of an OpenAPI 3.1 document as the fuzz test needs them: method, path, the
 * parameters and the request body, each with its JSON Schema ($refs to components resolved).
 * Read from the document the running app generates, so a new route is fuzzed without a change here.
 */

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  [key: string]: unknown;
};

export interface ParameterSpec {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: JsonSchema;
}

export interface OperationSpec {
  method: string;
  /** The document's path template, e.g. /api/mailboxes/{mailbox}/messages. */
  path: string;
  params: ParameterSpec[];
  /** Content types the operation declares for its body, with their schemas (none: no body). */
  body: { required: boolean; contentTypes: string[]; schema: JsonSchema | null } | null;
  tags: string[];
}

interface OpenapiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface RawOperation {
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: JsonSchema }> };
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch']);

export function readOperations(document: unknown): OperationSpec[] {
  const doc = document as OpenapiDocument;
  const resolve = schemaResolver(doc.components?.schemas ?? {});
  const operations: OperationSpec[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const params = (op.parameters ?? [])
        .filter((p) => p.in === 'path' || p.in === 'query')
        .map((p) => ({
          name: p.name,
          in: p.in as 'path' | 'query',
          required: p.required === true || p.in === 'path',
          schema: resolve(p.schema),
        }));
      const content = op.requestBody?.content ?? {};
      const contentTypes = Object.keys(content);
      const firstSchema = contentTypes.map((t) => content[t]?.schema).find((s) => s !== undefined);
      operations.push({
        method: method.toUpperCase(),
        path,
        params,
        body:
          contentTypes.length > 0
            ? {
                required: op.requestBody?.required === true,
                contentTypes,
                schema: firstSchema ? resolve(firstSchema) : null,
              }
            : null,
        tags: op.tags ?? [],
      });
    }
  }
  return operations;
}

/** Inlines `#/components/schemas/…` references (a cycle is left as an open schema). */
function schemaResolver(components: Record<string, JsonSchema>) {
  const resolve = (schema: JsonSchema, seen: Set<string> = new Set()): JsonSchema => {
    if (schema.$ref) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      const target = components[name];
      if (!target || seen.has(name)) return {};
      return resolve(target, new Set([...seen, name]));
    }
    const out: JsonSchema = { ...schema };
    if (schema.properties) {
      out.properties = Object.fromEntries(
        Object.entries(schema.properties).map(([k, v]) => [k, resolve(v, seen)]),
      );
    }
    if (schema.items) out.items = resolve(schema.items, seen);
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
      out.additionalProperties = resolve(schema.additionalProperties, seen);
    }
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
      const list = schema[key];
      if (list) out[key] = list.map((s) => resolve(s, seen));
    }
    return out;
  };
  return (schema: JsonSchema) => resolve(schema);
}

/** The schema's JSON types (none: any type). */
export function schemaTypes(schema: JsonSchema): string[] {
  if (schema.type) return Array.isArray(schema.type) ? schema.type : [schema.type];
  if (schema.enum) return [...new Set(schema.enum.map(jsonType))];
  if (schema.const !== undefined) return [jsonType(schema.const)];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const all = alternatives.map(schemaTypes);
    return all.some((t) => t.length === 0) ? [] : [...new Set(all.flat())];
  }
  if (schema.allOf) return schema.allOf.map(schemaTypes).find((t) => t.length > 0) ?? [];
  if (schema.properties) return ['object'];
  return [];
}

export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
