import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { lazy, Suspense, useEffect, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { Redirect, useLocation } from 'wouter';
import {
  ApiClientError,
  setPasswordChangeRequiredHandler,
  setRequestLanguage,
  setUnauthenticatedHandler,
} from '../api/http';
import { sessionKeys } from '../api/keys';
import { forgetUser, setUserStateReset, useSession } from '../api/session';
import { LoginPage } from '../features/auth/LoginPage';
import { isConsolePath } from '../features/console/routes';
import { ContactsScreen } from '../features/contacts/ContactsScreen';
import { isContactsPath } from '../features/contacts/routes';
import { mailPath, parseMailPath } from '../features/mailbox/routes';
import { ForcedPasswordChange } from '../features/password/ForcedPasswordChange';
import { ErrorBoundary } from './ErrorBoundary';
import { MailScreen } from './MailScreen';
import { resetUserState } from './user-state';

setUserStateReset(resetUserState);

// The Sở TT&TT console is its own chunk: nobody reading mail downloads it.
const ConsoleApp = lazy(() => import('../features/console/ConsoleApp'));

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // An expired session is not worth retrying; a flaky network is.
        retry: (count, err) =>
          !(err instanceof ApiClientError && err.status >= 400 && err.status < 500) && count < 2,
        refetchOnWindowFocus: true,
      },
    },
  });
}

export function App({ i18n, queryClient }: { i18n: I18n; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  setRequestLanguage(i18n.language);
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <ErrorBoundary>
          <Root />
        </ErrorBoundary>
      </QueryClientProvider>
    </I18nextProvider>
  );
}

function Root() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const session = useSession();

  useEffect(() => {
    setUnauthenticatedHandler(() => forgetUser(queryClient));
    // The password expired during the session: the session tells why, and the change screen shows.
    setPasswordChangeRequiredHandler(() => queryClient.invalidateQueries({ queryKey: sessionKeys.current }));
  }, [queryClient]);

  if (session.isPending) return <div className="boot">{t('app.loading')}</div>;
  if (!session.data) return <LoginPage />;
  if (session.data.password.changeRequired) return <ForcedPasswordChange session={session.data} />;
  return <MailOrConsole session={session.data} />;
}

function MailOrConsole({ session }: { session: NonNullable<ReturnType<typeof useSession>['data']> }) {
  const { t } = useTranslation();
  const [location] = useLocation();
  if (isConsolePath(location) && session.role !== 'user') {
    return (
      <Suspense fallback={<div className="boot">{t('app.loading')}</div>}>
        <ConsoleApp session={session} />
      </Suspense>
    );
  }
  return <MailRoute session={session} />;
}

function MailRoute({ session }: { session: NonNullable<ReturnType<typeof useSession>['data']> }) {
  useLocation(); // re-render on navigation; the raw path is parsed below
  if (isContactsPath(window.location.pathname)) return <ContactsScreen />;
  const route = parseMailPath(window.location.pathname);
  if (!route) return <Redirect to={mailPath('INBOX')} replace />;
  return <MailScreen session={session} mailbox={route.mailbox} uid={route.uid} />;
}
