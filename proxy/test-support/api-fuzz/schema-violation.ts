import { type JsonSchema, jsonType, schemaTypes } from './operations';

/**
 * True only when `value` certainly fails `schema`, whatever the zod schema behind it adds
 * (trimming, normalising, refinements can only refuse more). The fuzz test asserts a 4xx for such
 * a request; for the rest it asserts only "no 5xx". `fromUrl`: the value came from a path or query
 * string, where zod coerces numbers with Number().
 */
export function certainlyInvalid(value: unknown, schema: JsonSchema, fromUrl = false): boolean {
  const types = schemaTypes(schema);
  if (fromUrl && typeof value === 'string' && types.length > 0 && types.every(isNumeric)) {
    return numberInvalid(Number(value), schema, types);
  }
  if (fromUrl && Array.isArray(value)) return types.length > 0 && !types.includes('array');
  if (types.length > 0 && !accepts(types, jsonType(value))) return true;
  if (schema.enum && !schema.enum.some((e) => e === value)) return true;
  if (schema.const !== undefined && schema.const !== value) return true;
  if (schema.anyOf?.every((s) => certainlyInvalid(value, s, fromUrl))) return true;
  if (schema.oneOf?.every((s) => certainlyInvalid(value, s, fromUrl))) return true;
  if (schema.allOf?.some((s) => certainlyInvalid(value, s, fromUrl))) return true;
  if (typeof value === 'string') return stringInvalid(value, schema);
  if (typeof value === 'number') return numberInvalid(value, schema, types);
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) return true;
    if (schema.maxItems !== undefined && value.length > schema.maxItems) return true;
    const items = schema.items;
    return items !== undefined && value.some((v) => certainlyInvalid(v, items));
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ((schema.required ?? []).some((k) => !(k in record))) return true;
    return Object.entries(schema.properties ?? {}).some(
      ([k, s]) => k in record && certainlyInvalid(record[k], s),
    );
  }
  return false;
}

const isNumeric = (t: string) => t === 'integer' || t === 'number';

function accepts(types: string[], actual: string): boolean {
  return types.includes(actual) || (actual === 'integer' && types.includes('number'));
}

function numberInvalid(n: number, schema: JsonSchema, types: string[]): boolean {
  if (Number.isNaN(n) || !Number.isFinite(n)) return true;
  if (types.length > 0 && types.every((t) => t === 'integer') && !Number.isInteger(n)) return true;
  if (schema.minimum !== undefined && n < schema.minimum) return true;
  if (schema.maximum !== undefined && n > schema.maximum) return true;
  if (schema.exclusiveMinimum !== undefined && n <= schema.exclusiveMinimum) return true;
  if (schema.exclusiveMaximum !== undefined && n >= schema.exclusiveMaximum) return true;
  return false;
}

/** Lengths and patterns judged on every form zod might check (as sent, trimmed, NFC). */
function stringInvalid(s: string, schema: JsonSchema): boolean {
  const forms = [s, s.trim(), safeNormalize(s), safeNormalize(s.trim())];
  // A code point count is never above the UTF-16 length: zod counts one, JSON Schema the other.
  const longest = Math.max(...forms.map((f) => f.length));
  const shortest = Math.min(...forms.map(codePoints));
  if (schema.maxLength !== undefined && shortest > schema.maxLength) return true;
  if (schema.minLength !== undefined && longest < schema.minLength) return true;
  if (schema.pattern !== undefined) {
    const pattern = new RegExp(schema.pattern);
    if (forms.every((f) => !pattern.test(f))) return true;
  }
  return false;
}

function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff || i === 0 || (s.charCodeAt(i - 1) & 0xfc00) !== 0xd800) n++;
  }
  return n;
}

function safeNormalize(s: string): string {
  try {
    return s.normalize('NFC');
  } catch {
    return s;
  }
}
