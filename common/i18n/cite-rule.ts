import type { Locale } from './locales';

/**
 * The project's short key for an article (`Đ5.3b`: Điều 5, khoản 3, điểm b) as a document cites
 * it. Vietnamese legal writing goes from the smallest unit up ("điểm b khoản 3 Điều 5"); English
 * from the article down ("Article 5(3)(b)"). A key this does not recognise comes back unchanged,
 * so a new code still shows rather than vanishing.
 */
const RULE_KEY = /^Đ(\d+)(?:\.(\d+)([a-zđ])?)?$/u;

export function citeRule(code: string, locale: Locale | string): string {
  const match = RULE_KEY.exec(code.normalize('NFC').trim());
  if (!match) return code;
  const [, article, clause, point] = match;
  if (locale === 'en') return `Article ${article}${clause ? `(${clause})` : ''}${point ? `(${point})` : ''}`;
  return [point && `điểm ${point}`, clause && `khoản ${clause}`, `Điều ${article}`].filter(Boolean).join(' ');
}
