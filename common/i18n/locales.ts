/** The interface languages: Vietnamese first, the language of the regulation and of every user. */
export const locales = ['vi', 'en'] as const;
export type Locale = (typeof locales)[number];
