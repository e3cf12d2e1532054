import fc from 'fast-check';

/**
 * Values a careless or hostile caller sends: what the proxy must refuse with a 4xx, never a 500.
 * Strings are plain JS strings (lone surrogates included); the request builder decides how each
 * travels (percent-encoded in a URL, raw bytes in a body).
 */

const MEGABYTE = 1024 * 1024;

/** Built once: a 1 MB string is costly to make on every case. */
const huge = {
  ascii: 'a'.repeat(MEGABYTE),
  vietnamese: 'Công văn đến '.repeat(Math.ceil(MEGABYTE / 13)).slice(0, MEGABYTE),
  nul: '\u0000'.repeat(64 * 1024),
};

/**
 * Names a hostile suffix is glued to, so the proxy parses further than a first-character check.
 * Real names only where the request cannot act (a GET); elsewhere names that exist nowhere, so a
 * suffix the proxy might trim or normalise away still names nothing.
 */
const realPrefixes = ['INBOX', 'Drafts', 'Trash', 'Sent', 'thanhtv.sttt@binhphuoc.gov.vn', '1', 'x'];
const unrealPrefixes = ['Không có thư mục', 'khongco.fuzz@binhphuoc.gov.vn', 'khong-co', '987654321'];
/** Close to a real folder: a server might resolve them to INBOX itself. */
const nearlyReal = ['INBOX/', '/INBOX', 'INBOX.', '"INBOX"', 'inbox', 'INBOX '];

const nasty = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\r\n',
  'x\r\nA1 LOGOUT\r\n',
  'x\r\nSet-Cookie: a=b',
  '\n',
  '\t',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u2028\u2029',
  '\ud800',
  '\udfff',
  'a\ud800b',
  '\udc00\ud800',
  '\ufeff',
  '\u202e',
  '\u200b',
  '\uffff',
  '😀',
  'ẩ'.normalize('NFD'),
  '../',
  '../../../../etc/passwd',
  '..\\..\\windows',
  '%2e%2e/%2e%2e/',
  '%2e%2e%2f',
  '..%2f..%2f',
  '%00',
  '%',
  '%ZZ',
  '*',
  '%*',
  '"',
  "'",
  '\\',
  '{}',
  '[]',
  'null',
  'undefined',
  'NaN',
  'true',
  '__proto__',
  'constructor',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection probe, sent as text
  '${7*7}{{7*7}}',
  '%s%s%s%n',
  '&amp;',
  'a=b&c=d',
  '#',
  '?',
  '/',
  '//',
  '.',
  '..',
  '~',
  '{1}\r\nx',
  '* LIST',
];
/** Suffixes that cannot be trimmed or normalised away. */
const nastySuffixes = nasty.filter((s) => s.trim().length > 0 && s !== '/' && s !== '.');

function hostileStrings(prefixes: string[], extra: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...nasty, ...extra) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom(...prefixes), fc.constantFrom(...nastySuffixes))
        .map(([p, s]) => p + s),
    },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    {
      weight: 2,
      arbitrary: fc.string({
        unit: fc.constantFrom('\u0000', '\r', '\n', '\ud800', '.', '/', '%', 'a'),
        maxLength: 30,
      }),
    },
    { weight: 1, arbitrary: fc.constantFrom(huge.ascii, huge.vietnamese, huge.nul) },
    { weight: 1, arbitrary: fc.integer({ min: 1001, max: 70_000 }).map((n) => 'x'.repeat(n)) },
  );
}

/** A hostile string: control characters, NUL, lone surrogates, traversal, injection, huge. */
export const hostileString: fc.Arbitrary<string> = hostileStrings(realPrefixes, nearlyReal);

/** The same, never naming (even once trimmed or normalised) a folder, account or record that exists. */
export const hostileUnrealString: fc.Arbitrary<string> = hostileStrings(unrealPrefixes, []);

/** A hostile number as a caller may write it in a URL (a string) or in JSON (a number). */
export const hostileNumberText: fc.Arbitrary<string> = fc.constantFrom(
  '-1',
  '0',
  '-0',
  '1.5',
  '9007199254740992',
  '9007199254740993',
  '4294967296',
  '99999999999999999999999999999',
  '1e309',
  '-1e309',
  'Infinity',
  'NaN',
  '0x10',
  '1e9',
  ' 987654',
  '７',
  '',
  'abc',
  '1;DROP TABLE sessions',
  '-4294967295',
);

export const hostileNumber: fc.Arbitrary<number> = fc.constantFrom(
  -1,
  0,
  -0.5,
  1.5,
  2 ** 53,
  2 ** 53 + 2,
  2 ** 32,
  -(2 ** 31),
  1e308,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER,
);

/** JSON text nested `depth` levels deep: an array tower, or an object tower under key "a". */
export function deepJson(depth: number, shape: 'array' | 'object'): string {
  return shape === 'array'
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Raw body bytes that are not JSON at all, or not well-formed UTF-8. */
export const brokenJsonBodies: fc.Arbitrary<Buffer> = fc.constantFrom(
  Buffer.from('{'),
  Buffer.from('{"a":'),
  Buffer.from('{"a":1,}'),
  Buffer.from("{'a':1}"),
  Buffer.from('nul'),
  Buffer.from('\u0000'),
  Buffer.from([0xff, 0xfe, 0x00, 0x7b]),
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
  Buffer.from('{"__proto__":{"admin":true}}'),
  Buffer.from('{"constructor":{"prototype":{"admin":true}}}'),
  Buffer.from(deepJson(10_000, 'array')),
  Buffer.from(deepJson(10_000, 'object')),
  Buffer.from(`[${'1,'.repeat(200_000)}1]`),
);

/** Invalid UTF-8 byte sequences, percent-encoded as they would arrive in a URL. */
export const invalidUtf8InUrl: fc.Arbitrary<string> = fc.constantFrom(
  '%FF',
  '%C3%28',
  '%ED%A0%80',
  '%F4%90%80%80',
  '%C0%AF',
  '%E2%82',
  'INBOX%80',
);
