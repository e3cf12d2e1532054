import fc from 'fast-check';
import {
  brokenJsonBodies,
  deepJson,
  hostileNumber,
  hostileNumberText,
  hostileString,
  hostileUnrealString,
  invalidUtf8InUrl,
} from './hostile-values';
import { type JsonSchema, type OperationSpec, type ParameterSpec, schemaTypes } from './operations';
import { certainlyInvalid } from './schema-violation';

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** Why the schema certainly refuses this request (then the answer must be a 4xx), or null. */
  violation: string | null;
}

/**
 * Hostile requests for one operation of the API document.
 *
 * A random VALID request could act for real (send mail, delete a folder, reset a password), so:
 * - an operation that is not a GET only ever gets requests the schema certainly refuses (a wrong
 *   type, a length or pattern broken, a body that is not JSON), or whose path names nothing that
 *   exists (hostile names are never a real folder, account or id), so no handler can act;
 * - a GET is read-only in this API, so it gets hostile values that may or may not pass the schema:
 *   that is what reaches the handlers and the IMAP server (a folder name with CR/LF was a 500).
 */
export function hostileRequest(op: OperationSpec): fc.Arbitrary<FuzzRequest> {
  const readOnly = op.method === 'GET';
  const request = fc
    .record({
      path: pathArbitrary(op, readOnly ? hostileString : hostileUnrealString),
      query: queryArbitrary(op.params.filter((p) => p.in === 'query')),
      body: bodyArbitrary(op),
    })
    .map(({ path, query, body }) => {
      const violation = path.violation ?? query.violation ?? body.violation;
      return {
        method: op.method,
        url: path.url + (query.text ? `?${query.text}` : ''),
        headers: (body.contentType ? { 'content-type': body.contentType } : {}) as Record<string, string>,
        ...(body.payload !== undefined ? { payload: body.payload } : {}),
        violation,
        namesNothing: path.namesNothing,
      };
    });
  return request
    .filter((r) => readOnly || r.violation !== null || r.namesNothing)
    .map(({ namesNothing: _n, ...r }) => r);
}

interface PathPart {
  url: string;
  violation: string | null;
  /** Every path parameter is a hostile value no real folder, account or record is named. */
  namesNothing: boolean;
}

function pathArbitrary(op: OperationSpec, strings: fc.Arbitrary<string>): fc.Arbitrary<PathPart> {
  const params = op.params.filter((p) => p.in === 'path');
  if (params.length === 0) return fc.constant({ url: op.path, violation: null, namesNothing: false });
  return fc.tuple(...params.map((p) => pathValue(p, strings))).map((values) => {
    let url = op.path;
    let violation: string | null = null;
    for (const [i, v] of values.entries()) {
      const param = params[i] as ParameterSpec;
      url = url.replace(`{${param.name}}`, v.encoded);
      if (v.violation && !violation) violation = `path ${param.name}: ${v.violation}`;
    }
    return { url, violation, namesNothing: true };
  });
}

interface EncodedValue {
  encoded: string;
  violation: string | null;
}

function pathValue(param: ParameterSpec, strings: fc.Arbitrary<string>): fc.Arbitrary<EncodedValue> {
  return fc.oneof(
    { weight: 6, arbitrary: urlText(param.schema, strings, true) },
    // Sent as is: traversal the router or the URL parser might resolve, bytes that are not UTF-8.
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('..', '.', '%2e%2e', '%2E%2E%2F%2E%2E', '..%2f..%2fetc', '%2e%2e%5c')
        .map((encoded) => ({ encoded, violation: null })),
    },
    {
      weight: 1,
      arbitrary: invalidUtf8InUrl.map((encoded) => ({ encoded, violation: 'not UTF-8' as string | null })),
    },
  );
}

/**
 * A hostile value for a URL, percent-encoded, with whether the schema certainly refuses it. Bytes
 * that are not UTF-8 make the router refuse a path; the query parser keeps such a sequence as its
 * text ("%ED%A0%80"), an ordinary string, so in a query they refuse nothing by themselves.
 */
function urlText(
  schema: JsonSchema,
  strings: fc.Arbitrary<string> = hostileString,
  inPath = false,
): fc.Arbitrary<EncodedValue> {
  const numeric = schemaTypes(schema).some((t) => t === 'integer' || t === 'number');
  const text = numeric ? fc.oneof(hostileNumberText, strings) : strings;
  return text
    .filter((s) => s.length > 0)
    .map((s) => ({
      encoded: percentEncode(s),
      violation:
        inPath && hasLoneSurrogate(s)
          ? 'not UTF-8'
          : certainlyInvalid(asQueryParserKeepsIt(s), schema, true)
            ? describe(s)
            : null,
    }));
}

interface QueryPart {
  text: string;
  violation: string | null;
}

function queryArbitrary(params: ParameterSpec[]): fc.Arbitrary<QueryPart> {
  const perParam = params.map((p) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constant(null) },
      { weight: 4, arbitrary: urlText(p.schema) },
      // The key twice: Fastify hands an array to a schema that expects one value.
      {
        weight: 1,
        arbitrary: fc.tuple(hostileString, hostileString).map(([a, b]) => ({
          encoded: `${percentEncode(a)}&${encodeURIComponent(p.name)}=${percentEncode(b)}`,
          violation: certainlyInvalid([a, b], p.schema, true) ? 'repeated key' : null,
        })),
      },
    ),
  );
  const extra = fc.option(
    fc.tuple(hostileString, hostileString).map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`),
    { freq: 3 },
  );
  return fc.tuple(fc.tuple(...perParam), extra).map(([values, extraPair]) => {
    const pairs: string[] = [];
    let violation: string | null = null;
    for (const [i, v] of values.entries()) {
      const param = params[i] as ParameterSpec;
      if (v === null) {
        if (param.required && !violation) violation = `query ${param.name}: missing`;
        continue;
      }
      pairs.push(`${encodeURIComponent(param.name)}=${v.encoded}`);
      if (v.violation && !violation) violation = `query ${param.name}: ${v.violation}`;
    }
    if (extraPair) pairs.push(extraPair);
    return { text: pairs.join('&'), violation };
  });
}

interface BodyPart {
  contentType?: string;
  payload?: string | Buffer;
  violation: string | null;
}

function bodyArbitrary(op: OperationSpec): fc.Arbitrary<BodyPart> {
  if (op.method === 'GET') return fc.constant({ violation: null });
  const schema = op.body?.schema ?? null;
  const malformed = fc.oneof(
    brokenJsonBodies.map((payload) => ({
      contentType: 'application/json',
      payload,
      violation: jsonRefusal(payload, schema),
    })),
    fc.constantFrom<BodyPart>(
      // No parser for these: Fastify refuses them (415) before any handler.
      { contentType: 'application/x-www-form-urlencoded', payload: 'a=1&b=%00', violation: 'no parser' },
      { contentType: 'application/xml', payload: '<a>&xxe;</a>', violation: 'no parser' },
      {
        contentType: 'application/json',
        payload: Buffer.from('{}', 'utf16le'),
        violation: 'UTF-16 is not JSON',
      },
      // Where uploads are parsed, a multipart body without a boundary, or cut short.
      { contentType: 'multipart/form-data', payload: '--x\r\n', violation: 'malformed multipart' },
      {
        contentType: 'multipart/form-data; boundary=x',
        payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="../../a"\r\n\r\nabc',
        violation: 'malformed multipart',
      },
    ),
    // Fastify reads text/plain as a string: refused where the schema wants something else.
    fc.constant<BodyPart>({
      contentType: 'text/plain',
      payload: '\u0000',
      violation: schema && certainlyInvalid('\u0000', schema) ? 'a text body' : null,
    }),
  );
  if (!schema) {
    return malformed.map((b) => ({ ...b, violation: b.violation ?? parserRefusal(b) }));
  }
  const structured = jsonValue(schema, 0).chain((value) =>
    certainlyInvalid(value, schema)
      ? fc.constant({ value, violation: 'body breaks the schema' as string | null })
      : fc.oneof(
          fc.constant({ value, violation: null as string | null }),
          withOneViolation(value, schema).map((v) => ({
            value: v,
            violation: certainlyInvalid(v, schema) ? 'body breaks the schema' : null,
          })),
        ),
  );
  return fc.oneof(
    {
      weight: 4,
      arbitrary: structured.map(({ value, violation }) => ({
        contentType: 'application/json',
        payload: serialise(value),
        violation,
      })),
    },
    { weight: 2, arbitrary: malformed },
    {
      weight: 1,
      arbitrary: fc.constant({
        contentType: 'application/json',
        payload: '',
        violation: op.body?.required ? 'empty body' : null,
      }),
    },
  );
}

/** Fastify's JSON parser refuses these before any handler: not JSON, or prototype poisoning. */
function parserRefusal(b: { contentType?: string; payload?: string | Buffer }): string | null {
  if (b.contentType !== 'application/json' || b.payload === undefined) return null;
  return jsonRefusal(b.payload, null);
}

function jsonRefusal(payload: string | Buffer, schema: JsonSchema | null): string | null {
  const text = payload.toString();
  if (/"__proto__"|"constructor"/.test(text)) return 'prototype poisoning';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  return schema && certainlyInvalid(parsed, schema) ? 'body breaks the schema' : null;
}

/** Stands for a 10,000-level JSON tower inside a value; spliced in by serialise(). */
const DEEP = '\u0000deep-json\u0000';

function serialise(value: unknown): string {
  return JSON.stringify(value).replaceAll(JSON.stringify(DEEP), deepJson(10_000, 'object'));
}

/** A value shaped like the schema, with hostile strings and numbers in it. */
function jsonValue(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const types = schemaTypes(schema);
  if (schema.enum) return fc.oneof(fc.constantFrom(...schema.enum), hostileString);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives && alternatives.length > 0)
    return fc.oneof(...alternatives.map((s) => jsonValue(s, depth)));
  if (depth > 4) return hostileString;
  const type = types[0];
  switch (type) {
    case 'string':
      return fc.oneof({ weight: 4, arbitrary: hostileString }, { weight: 1, arbitrary: fc.constant('x') });
    case 'integer':
    case 'number':
      return fc.oneof(hostileNumber, fc.integer({ min: 1, max: 5 }));
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const item = jsonValue(schema.items ?? {}, depth + 1);
      return fc.oneof(
        { weight: 4, arbitrary: fc.array(item, { maxLength: 3 }) },
        { weight: 1, arbitrary: fc.constant(Array.from({ length: 20_000 }, () => 'x')) },
      );
    }
    case 'object':
      return objectValue(schema, depth);
    default:
      return fc.oneof(hostileString, hostileNumber, fc.constant(DEEP), fc.constant({}));
  }
}

function objectValue(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const fields = properties.map(([key, s]) =>
    required.has(key)
      ? jsonValue(s, depth + 1).map((v) => [key, v] as const)
      : fc.option(
          jsonValue(s, depth + 1).map((v) => [key, v] as const),
          { freq: 2 },
        ),
  );
  const extra = fc.option(fc.tuple(hostileString, fc.oneof(hostileString, fc.constant(DEEP))), { freq: 4 });
  return fc.tuple(fc.tuple(...fields), extra).map(([entries, extraEntry]) => {
    const out: Record<string, unknown> = {};
    for (const entry of entries) if (entry) out[entry[0]] = entry[1];
    if (extraEntry && !(extraEntry[0] in out)) out[extraEntry[0]] = extraEntry[1];
    return out;
  });
}

/** The value with one place (the whole, or one property) replaced by a value of the wrong type. */
function withOneViolation(value: unknown, schema: JsonSchema): fc.Arbitrary<unknown> {
  const keys = Object.keys(schema.properties ?? {});
  if (value === null || typeof value !== 'object' || Array.isArray(value) || keys.length === 0) {
    return wrongType(schema);
  }
  return fc
    .constantFrom(...keys)
    .chain((key) =>
      wrongType(schema.properties?.[key] ?? {}).map((bad) => ({ ...(value as object), [key]: bad })),
    );
}

function wrongType(schema: JsonSchema): fc.Arbitrary<unknown> {
  const candidates: unknown[] = ['x\u0000', 12345, 1.5, true, null, [], {}, DEEP, [[[['\ud800']]]]];
  const wrong = candidates.filter((c) => certainlyInvalid(c === DEEP ? {} : c, schema));
  return wrong.length > 0 ? fc.constantFrom(...wrong) : fc.constant(DEEP);
}

/** Percent-encodes as a browser would; a lone surrogate becomes the invalid UTF-8 it would be. */
export function percentEncode(s: string): string {
  return s
    .split(/(\p{Surrogate})/u)
    .map((part, i) => (i % 2 === 1 ? surrogateBytes(part.charCodeAt(0)) : encodeURIComponent(part)))
    .join('');
}

function surrogateBytes(code: number): string {
  return [0xed, 0xa0 | ((code >> 6) & 0x1f), 0x80 | (code & 0x3f)]
    .map((b) => `%${b.toString(16).toUpperCase()}`)
    .join('');
}

function asQueryParserKeepsIt(s: string): string {
  return s.replace(/\p{Surrogate}/gu, (c) => surrogateBytes(c.charCodeAt(0)));
}

function hasLoneSurrogate(s: string): boolean {
  return /\p{Surrogate}/u.test(s);
}

/** A short account of a value for a failure message (a 1 MB string is not printed). */
export function describe(s: string): string {
  const shown = JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
  return s.length > 40 ? `${shown} (${s.length} chars)` : shown;
}
