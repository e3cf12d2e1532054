import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Redirect, useLocation } from 'wouter';
import type { SessionInfo } from '../../../common/contract';
import { useConsoleMe } from '../../api/console';
import { ApiClientError } from '../../api/http';
import { Toaster } from '../../ui/Toaster';
import { AccountMenu } from '../account/AccountMenu';
import { mailPath } from '../mailbox/routes';
import { registerConsoleCatalogues } from './catalogues';
import { consolePath, consoleSection } from './routes';
import { SecondFactorGate } from './SecondFactorGate';
import { consoleSections } from './sections';
import './console.css';

const pages = new Map(consoleSections.map((s) => [s.slug, lazy(s.load)]));

/** The Sở TT&TT console, its own chunk under /quan-tri (issue 6). */
export default function ConsoleApp({ session }: { session: SessionInfo }) {
  const { t, i18n } = useTranslation();
  useMemo(() => registerConsoleCatalogues(i18n), [i18n]);
  const [location] = useLocation();
  const me = useConsoleMe();

  if (me.isPending) return <div className="boot">{t('console.shell.loading')}</div>;
  if (me.error || !me.data) {
    const forbidden = me.error instanceof ApiClientError && me.error.code === 'forbidden';
    return (
      <main className="console-gate">
        <p role="alert">{forbidden ? t('console.shell.forbidden') : t('errors.internal_error')}</p>
        <Link href={mailPath('INBOX')} className="button">
          {t('console.shell.backToMail')}
        </Link>
      </main>
    );
  }
  const role = me.data.role;
  const sections = consoleSections.filter((s) => role === 'admin' || !s.adminOnly);
  const slug = consoleSection(location);
  const current = sections.find((s) => s.slug === slug);
  if (!current) return <Redirect to={consolePath(sections[0]?.slug)} replace />;
  const Page = pages.get(current.slug) as ReturnType<typeof lazy>;

  return (
    <SecondFactorGate me={me.data}>
      <div className="console-screen">
        <header className="topbar console-topbar">
          <div className="brand">
            <img src="/favicon.svg" alt="" width={24} height={24} />
            <span>{t('console.shell.title')}</span>
          </div>
          <span className="console-role">
            {role === 'unit_manager'
              ? t('console.shell.readOnly', { unit: me.data.unitCode ?? '' })
              : t(`console.shell.roles.${role}`)}
          </span>
          <Link href={mailPath('INBOX')} className="button">
            {t('console.shell.backToMail')}
          </Link>
          <AccountMenu email={session.email} />
        </header>
        <nav className="console-nav" aria-label={t('console.shell.menu')}>
          <ul>
            {sections.map((s) => (
              <li key={s.slug}>
                <Link href={consolePath(s.slug)} aria-current={s.slug === current.slug ? 'page' : undefined}>
                  {t(`console.${s.area}.title`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <main className="console-main">
          <Suspense fallback={<p>{t('console.shell.loading')}</p>}>
            <Page />
          </Suspense>
        </main>
        <Toaster />
      </div>
    </SecondFactorGate>
  );
}
