import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../common/contract';
import { Banner } from '../../ui/Banner';
import { usePasswordDialogStore } from './password-dialog-store';

/** Đ13.3: from day 25 the days left before the monthly change; in the grace period, more urgently. */
export function PasswordExpiryBanner({ password }: { password: SessionInfo['password'] }) {
  const { t } = useTranslation();
  const openDialog = usePasswordDialogStore((s) => s.setPasswordDialogOpen);
  const grace = password.graceDaysLeft;
  const left = password.daysLeft;
  if (grace === null && left === null) return null;
  return (
    <div className="password-expiry-banner">
      <Banner
        tone={grace !== null ? 'error' : 'warning'}
        action={
          <button type="button" className="link-button" onClick={() => openDialog(true)}>
            {t('password.changeNow')}
          </button>
        }
      >
        {grace !== null
          ? t('password.expiryGrace', { count: grace })
          : t('password.expiryBanner', { count: left ?? 0 })}
      </Banner>
    </div>
  );
}
