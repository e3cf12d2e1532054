import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { SessionInfo } from '../../../common/contract';
import { useLogout } from '../../api/session';
import { consolePath, isConsolePath } from '../console/routes';
import { usePasswordDialogStore } from '../password/password-dialog-store';
import { ReportFaultButton } from '../problem-report/ProblemReportDialog';
import { SieveMenuButton } from '../sieve/SieveSettingsDialog';
import { SigningMenuButton } from '../signing/SigningSetup';
import { LanguageSwitch } from './LanguageSwitch';
import './account.css';
import { SourceLink } from './SourceLink';

export function AccountMenu({ email, role = 'user' }: { email: string; role?: SessionInfo['role'] }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const openPasswordDialog = usePasswordDialogStore((s) => s.setPasswordDialogOpen);
  return (
    <fieldset className="account-menu" aria-label={t('account.menu', { email })}>
      <LanguageSwitch />
      <span className="account-email" title={email}>
        {email}
      </span>
      {role !== 'user' && !isConsolePath(window.location.pathname) && (
        <Link href={consolePath()} className="button">
          {t('account.console')}
        </Link>
      )}
      <ReportFaultButton />
      {!isConsolePath(window.location.pathname) && <SigningMenuButton label={t('smimeSign.menu')} />}
      {!isConsolePath(window.location.pathname) && <SieveMenuButton />}
      <button type="button" className="button" onClick={() => openPasswordDialog(true)}>
        {t('password.title')}
      </button>
      <button type="button" className="button" onClick={() => logout.mutate()} disabled={logout.isPending}>
        {t('account.logout')}
      </button>
      <SourceLink />
    </fieldset>
  );
}
