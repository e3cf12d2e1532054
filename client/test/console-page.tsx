import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { registerConsoleCatalogues } from '../features/console/catalogues';
import { createI18n, type Locale } from '../i18n/i18n';

/**
 * Renders one console page as the console shell would: a fresh QueryClient (no retries, so a refusal
 * shows at once) and the app's catalogues with every console area's texts, in Vietnamese by default.
 */
export function renderConsolePage(page: ReactElement, { locale = 'vi' }: { locale?: Locale } = {}) {
  const i18n = createI18n(locale);
  registerConsoleCatalogues(i18n);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>{page}</I18nextProvider>
    </QueryClientProvider>,
  );
  return { ...result, queryClient, i18n };
}
