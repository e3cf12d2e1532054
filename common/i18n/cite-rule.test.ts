import { describe, expect, it } from 'vitest';
import { citeRule } from './cite-rule';

describe('citeRule', () => {
  it.each([
    ['Đ5.3b', 'điểm b khoản 3 Điều 5', 'Article 5(3)(b)'],
    ['Đ6.2a', 'điểm a khoản 2 Điều 6', 'Article 6(2)(a)'],
    ['Đ6.3b', 'điểm b khoản 3 Điều 6', 'Article 6(3)(b)'],
    ['Đ6.2', 'khoản 2 Điều 6', 'Article 6(2)'],
    ['Đ12', 'Điều 12', 'Article 12'],
    ['Đ8.1c', 'điểm c khoản 1 Điều 8', 'Article 8(1)(c)'],
    ['Đ10.12đ', 'điểm đ khoản 12 Điều 10', 'Article 10(12)(đ)'],
  ])('cites %s as documents write it', (code, vi, en) => {
    expect(citeRule(code, 'vi')).toBe(vi);
    expect(citeRule(code, 'en')).toBe(en);
  });

  it('reads a key typed with a decomposed Đ the same way', () => {
    expect(citeRule('Đ6.2a'.normalize('NFD'), 'vi')).toBe('điểm a khoản 2 Điều 6');
  });

  it.each(['', 'inactive', 'Đ', 'Đ5.', 'Đ5.3bb', 'D5.3b', 'Đ5.3B', 'Điều 5', 'Đ5.3b (x)'])(
    'returns %j unchanged when it is not a rule key',
    (code) => {
      expect(citeRule(code, 'vi')).toBe(code);
      expect(citeRule(code, 'en')).toBe(code);
    },
  );
});
