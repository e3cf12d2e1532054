import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import { buildDocx, handZip, zipOf } from './office-fixtures';
import { canonicalZip, readZipEntries } from './office-zip';

const MB = 1024 * 1024;
const limits = { maxEntries: 100, maxTotalBytes: 4 * MB };

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof ApiError ? error.code : `not ApiError: ${String(error)}`;
  }
}

describe('readZipEntries', () => {
  it('inflates every entry of a sound file', async () => {
    const entries = readZipEntries(await buildDocx('<w:p/>'), limits);
    expect([...entries.keys()]).toContain('word/document.xml');
    expect(entries.get('word/document.xml')!.toString()).toContain('<w:body><w:p/></w:body>');
  });

  it.each([
    ['a PDF named .docx', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'preview_wrong_format'],
    [
      'an old binary Word file (.doc renamed)',
      Buffer.from('d0cf11e0a1b11ae1', 'hex'),
      'preview_wrong_format',
    ],
    ['an empty file', Buffer.alloc(0), 'preview_wrong_format'],
    ['a zip cut in half', 'truncated', 'preview_damaged'],
    ['a zip with a garbled entry', 'garbled', 'preview_damaged'],
    ['a bomb that says how big it is', 'honest-bomb', 'preview_too_large'],
    ['a bomb that lies about its size', 'lying-bomb', 'preview_too_large'],
    ['many small entries that add up', 'many-entries', 'preview_too_large'],
    ['a stored entry past the budget', 'stored-big', 'preview_too_large'],
  ])('refuses %s', async (_name, input, code) => {
    let bytes: Buffer;
    if (Buffer.isBuffer(input)) bytes = input;
    else if (input === 'truncated') {
      const whole = await buildDocx(`<w:p><w:r><w:t>${'Công văn '.repeat(500)}</w:t></w:r></w:p>`);
      bytes = whole.subarray(0, Math.floor(whole.length / 2));
    } else if (input === 'garbled') {
      bytes = handZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]);
      // Corrupt the deflated bytes in the middle of the only entry.
      bytes.fill(0xff, 30 + 'word/document.xml'.length, 30 + 'word/document.xml'.length + 8);
    } else if (input === 'honest-bomb') {
      bytes = handZip([
        { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
        { name: 'word/media/bomb.bin', data: Buffer.alloc(8 * MB) },
      ]);
    } else if (input === 'lying-bomb') {
      bytes = handZip([
        { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
        { name: 'word/media/bomb.bin', data: Buffer.alloc(8 * MB), declaredSize: 1000 },
      ]);
    } else if (input === 'many-entries') {
      bytes = handZip(
        Array.from({ length: 101 }, (_, i) => ({ name: `x/${i}.xml`, data: Buffer.from('<a/>') })),
      );
    } else {
      bytes = handZip([
        { name: 'word/media/big.bin', data: Buffer.alloc(5 * MB), store: true, declaredSize: 10 },
      ]);
    }
    expect(codeOf(() => readZipEntries(bytes, limits))).toBe(code);
  });

  it('stops a lying bomb without unpacking it (bounded memory)', () => {
    const bomb = handZip([{ name: 'word/document.xml', data: Buffer.alloc(64 * MB), declaredSize: 10 }]);
    expect(bomb.length).toBeLessThan(100_000);
    const before = process.memoryUsage().arrayBuffers;
    expect(codeOf(() => readZipEntries(bomb, limits))).toBe('preview_too_large');
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * MB);
  });
});

describe('canonicalZip', () => {
  it('writes the measured entries again, the requested ones first', async () => {
    const original = await zipOf({ 'b.xml': '<b/>', 'a.xml': '<a/>', 'c.xml': '<c/>' });
    const again = await canonicalZip(readZipEntries(original, limits), ['c.xml', 'missing.xml']);
    const entries = readZipEntries(again, limits);
    expect([...entries.keys()]).toEqual(['c.xml', 'b.xml', 'a.xml']);
    expect(entries.get('a.xml')!.toString()).toBe('<a/>');
  });
});
