import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { App } from '../app/App';
import { createI18n, type Locale } from '../i18n/i18n';

export function renderApp(locale: Locale = 'vi') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const i18n = createI18n(locale);
  return { ...render(<App i18n={i18n} queryClient={queryClient} />), queryClient };
}
