import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../common/contract';
import en from '../../common/i18n/en.json';
import vi from '../../common/i18n/vi.json';
import { passwordRuleCodes } from '../../common/policy/password-rules';
import { consoleCatalogues } from '../features/console/catalogues';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('locale catalogues', () => {
  it('have the same keys in Vietnamese and English', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });

  it('explain every error code the proxy can send, and name every password rule in the checklist', () => {
    for (const catalogue of [vi, en]) {
      const errors = catalogue.errors as Record<string, string>;
      const rules = catalogue.password.rules as Record<string, string>;
      expect(errorCodes.filter((code) => !errors[code])).toEqual([]);
      expect(passwordRuleCodes.filter((code) => !rules[code])).toEqual([]);
    }
  });

  it('store Vietnamese text in NFC', () => {
    const text = JSON.stringify(vi);
    expect(text).toBe(text.normalize('NFC'));
  });

  it('have every console area in both languages with the same keys, in NFC', () => {
    const areas = new Map<string, Record<string, object>>();
    for (const { area, locale, texts } of consoleCatalogues()) {
      areas.set(area, { ...areas.get(area), [locale]: texts });
    }
    expect(areas.size).toBeGreaterThanOrEqual(11);
    for (const [area, { vi: viTexts, en: enTexts }] of areas) {
      expect(viTexts, area).toBeDefined();
      expect(keys(enTexts ?? {}).sort(), area).toEqual(keys(viTexts ?? {}).sort());
      const text = JSON.stringify(viTexts);
      expect(text, area).toBe(text.normalize('NFC'));
    }
  });
});
