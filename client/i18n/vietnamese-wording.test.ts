import { describe, expect, it } from 'vitest';
import vi from '../../common/i18n/vi.json';
import { consoleCatalogues } from '../features/console/catalogues';

const catalogues: unknown[] = [
  vi,
  ...consoleCatalogues()
    .filter((c) => c.locale === 'vi')
    .map((c) => ({ [c.area]: c.texts })),
];

function values(tree: unknown, path = ''): [string, string][] {
  if (typeof tree === 'string') return [[path, tree]];
  if (tree && typeof tree === 'object')
    return Object.entries(tree).flatMap(([k, v]) => values(v, path ? `${path}.${k}` : k));
  return [];
}

const all = catalogues.flatMap((tree) => values(tree));

/** Wording a Vietnamese reader should see, kept from sliding back. */
describe('the Vietnamese catalogues', () => {
  it('cite articles as Vietnamese write them ("điểm a khoản 2 Điều 6", not "Đ6.2a" or "Điều 6.2a")', () => {
    expect(all.filter(([, v]) => /Đ\d+\.\d|Điều \d+\.\d/.test(v))).toEqual([]);
  });

  it('use one quotation style, the curly “…”: no straight quotes, no «…»', () => {
    expect(all.filter(([, v]) => /["«»]/.test(v))).toEqual([]);
  });

  it('never offer "Hủy" beside a destructive confirmation (it reads as "destroy")', () => {
    const byKey = new Map(all);
    for (const key of ['actions.cancel', 'compose.cancel']) expect(byKey.get(key), key).not.toBe('Hủy');
  });

  it('name no button a bare "Hủy": going back says "Quay lại", undoing a thing names the thing', () => {
    expect(all.filter(([, v]) => v.trim() === 'Hủy')).toEqual([]);
  });

  it('say "hôm nay" rather than "cách đây 0 ngày"', () => {
    expect(new Map(all).get('accounts.detail.passwordAge_zero')).toContain('hôm nay');
  });
});
