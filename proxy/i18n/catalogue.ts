import type { ErrorCode } from '../../common/contract';
import en from '../../common/i18n/en.json' with { type: 'json' };
import { sizeParts } from '../../common/i18n/format';
import vi from '../../common/i18n/vi.json' with { type: 'json' };
import type { SpecialFolderNames } from '../mail/list-mailboxes';

/**
 * The proxy speaks from the client's catalogues, so there is one source for every user-visible
 * string: folder names, error texts, and the messages the proxy puts into mailboxes itself.
 */
const catalogues = { vi, en } as const;
export type Locale = keyof typeof catalogues;

export function pickLocale(acceptLanguage: string | undefined, fallback: Locale): Locale {
  const first = acceptLanguage?.split(',')[0]?.trim().slice(0, 2).toLowerCase();
  return first === 'en' || first === 'vi' ? first : fallback;
}

export function specialFolderNames(acceptLanguage: string | undefined, fallback: Locale): SpecialFolderNames {
  return catalogues[pickLocale(acceptLanguage, fallback)].mailbox.special;
}

/** Đ7.2c: the texts of the quota warning put into a mailbox. */
export function quotaWarningMailTexts(locale: Locale) {
  return catalogues[locale].quotaWarningMail;
}

/** i18next's `{{name}}` placeholders, filled the same way outside React. */
export function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** "1,8 GB" in Vietnamese, "1.8 GB" in English, as the client's quota banner shows it. */
export function sizeText(bytes: number, locale: Locale): string {
  const { key, value } = sizeParts(bytes, locale);
  const unit = key.slice('size.'.length) as keyof (typeof catalogues)[Locale]['size'];
  return interpolate(catalogues[locale].size[unit], { value });
}

/** The lines a reply or forward puts above the quoted original. */
export function composeQuoteTexts(locale: Locale) {
  return catalogues[locale].composeQuote;
}

const errorCatalogue: Record<string, string> = vi.errors;

/** Vietnamese text for API callers that show messages as they are (the SPA uses its catalogue). */
export function vietnameseMessage(code: ErrorCode, details?: Record<string, string | number>): string {
  const template = errorCatalogue[code] ?? errorCatalogue.internal_error ?? code;
  return interpolate(template, details ?? {});
}
