import { useTranslation } from 'react-i18next';
import { useLogout } from '../../api/session';
import { useUiStore } from '../../app/ui-store';
import { LanguageSwitch } from './LanguageSwitch';

export function AccountMenu({ email }: { email: string }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const openPasswordDialog = useUiStore((s) => s.setPasswordDialogOpen);
  return (
    <fieldset className="account-menu" aria-label={t('account.menu', { email })}>
      <LanguageSwitch />
      <span className="account-email" title={email}>
        {email}
      </span>
      <button type="button" className="button" onClick={() => openPasswordDialog(true)}>
        {t('password.title')}
      </button>
      <button type="button" className="button" onClick={() => logout.mutate()} disabled={logout.isPending}>
        {t('account.logout')}
      </button>
    </fieldset>
  );
}
