import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './csv-delimiter';

describe('detectDelimiter', () => {
  it('counts delimiters outside quotes', () => {
    expect(detectDelimiter('"a, b, c";d\n"e, f";g')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3')).toBe('\t');
    expect(detectDelimiter('a,b\n1,2')).toBe(',');
  });
});
