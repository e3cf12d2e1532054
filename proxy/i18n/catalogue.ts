import en from '../../client/i18n/en.json' with { type: 'json' };
import vi from '../../client/i18n/vi.json' with { type: 'json' };
import type { SpecialFolderNames } from '../mail/list-mailboxes';

/**
 * The proxy speaks from the client's catalogues, so there is one source for every user-visible
 * string. Only folder names and error texts are needed here.
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
