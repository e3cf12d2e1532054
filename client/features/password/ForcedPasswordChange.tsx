import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../common/contract';
import { usePublicConfig } from '../../api/public-config';
import { useLogout } from '../../api/session';
import { LanguageSwitch } from '../account/LanguageSwitch';
import { ChangePasswordForm } from './ChangePasswordForm';

/**
 * The only screen of a session that must change its password (Đ6.3c after an admin reset,
 * Đ13.3 once the password is too old). When the change succeeds the session query refreshes and
 * the app continues to the inbox.
 */
export function ForcedPasswordChange({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const config = usePublicConfig();
  const logout = useLogout();
  const reason = session.password.changeRequired;
  return (
    <main className="login-page">
      <section className="login-card" aria-labelledby="forced-password-title">
        <div className="login-brand">
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <div>
            <h1 id="forced-password-title">{t('password.forcedTitle')}</h1>
            <p className="muted">{config.data?.orgName ?? ''}</p>
          </div>
        </div>
        <p>
          {reason === 'first_login'
            ? t('password.forcedFirstLogin')
            : t('password.forcedExpired', { days: session.password.ageDays })}
        </p>
        <p className="muted small">{session.email}</p>
        <ChangePasswordForm email={session.email} onDone={() => undefined} />
        <div className="form-footer">
          <LanguageSwitch />
          <button type="button" className="link-button" onClick={() => logout.mutate()}>
            {t('password.logout')}
          </button>
        </div>
      </section>
    </main>
  );
}
