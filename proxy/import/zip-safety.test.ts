import { describe, expect, it } from 'vitest';
import { isUnsafeEntryName, zipProblem } from './zip-safety';

const entry = (fileName: string, uncompressedSize = 1000, compressedSize = 500) => ({
  fileName,
  uncompressedSize,
  compressedSize,
});

describe('zip safety', () => {
  it.each([
    ['thu.eml', false],
    ['thư mục/công văn.eml', false],
    ['../thu.eml', true],
    ['a/../../b.eml', true],
    ['a\\..\\b.eml', true],
    ['/etc/passwd', true],
    ['C:\\thu.eml', true],
    ['a..b.eml', false],
  ])('%s unsafe: %s', (name, unsafe) => {
    expect(isUnsafeEntryName(name)).toBe(unsafe);
  });

  it('accepts a plain archive of messages', () => {
    expect(zipProblem([entry('1.eml'), entry('2.eml')])).toBeNull();
  });

  it('refuses too many entries, too much in total, a bomb ratio and a climbing name', () => {
    const limits = { maxEntries: 3, maxTotalBytes: 10_000, maxRatio: 100 };
    expect(zipProblem([entry('a'), entry('b'), entry('c'), entry('d')], limits)).toEqual({
      reason: 'too_many_entries',
      count: 4,
    });
    expect(zipProblem([entry('a', 6000), entry('b', 6000)], limits)).toEqual({
      reason: 'too_large_total',
      total: 12_000,
    });
    expect(zipProblem([entry('bomb.eml', 50 * 1024 * 1024, 50 * 1024)], limits)).toEqual({
      reason: 'bomb_ratio',
      entry: 'bomb.eml',
    });
    expect(zipProblem([entry('../x.eml')], limits)).toEqual({ reason: 'unsafe_name', entry: '../x.eml' });
  });

  it('lets a small entry compress as well as it likes (blank lines do)', () => {
    expect(zipProblem([entry('blank.eml', 500_000, 100)])).toBeNull();
  });
});
