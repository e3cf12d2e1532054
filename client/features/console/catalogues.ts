import type { i18n as I18n } from 'i18next';

// Each console area has its texts in common/i18n/console/<area>/vi.json, en.json (the proxy writes
// exports and mails from the same files), loaded with the console's chunk under console.<area>.…
const bundles = import.meta.glob<{ default: Record<string, unknown> }>(
  '../../../common/i18n/console/*/*.json',
  {
    eager: true,
  },
);

export function consoleCatalogues(): { area: string; locale: string; texts: Record<string, unknown> }[] {
  return Object.entries(bundles).flatMap(([file, mod]) => {
    const match = /\/console\/([\w-]+)\/(vi|en)\.json$/.exec(file);
    if (!match) return [];
    return [{ area: match[1] as string, locale: match[2] as string, texts: mod.default }];
  });
}

export function registerConsoleCatalogues(i18n: I18n): void {
  for (const { area, locale, texts } of consoleCatalogues()) {
    if (i18n.hasResourceBundle(locale, 'translation') && i18n.exists(`console.${area}`, { lng: locale }))
      continue;
    i18n.addResourceBundle(locale, 'translation', { console: { [area]: texts } }, true, false);
  }
}
