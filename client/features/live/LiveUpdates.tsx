import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useLiveUpdates } from '../../api/live';
import { mailPath } from '../mailbox/routes';
import {
  type NotificationState,
  notificationState,
  notifyNewMail,
  turnNotificationsOff,
  turnNotificationsOn,
} from './desktop-notifications';
import './live.css';

/**
 * Keeps the mail screen live (new rows, counts, the tab title) and offers desktop notifications
 * for new mail behind a bell in the top bar; nothing is asked of the browser until it is clicked.
 */
export function LiveUpdates({ email }: { email: string }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [state, setState] = useState<NotificationState>(() => notificationState(email));

  useLiveUpdates({
    onNewMail: (mail) => {
      const sender = mail.from?.name || mail.from?.address || t('list.unknownSender');
      notifyNewMail(
        email,
        {
          uid: mail.uid,
          title: t('live.newMailFrom', { from: sender }),
          body: mail.subject || t('list.noSubject'),
        },
        () => navigate(mailPath(mail.path, mail.uid)),
      );
    },
  });

  if (state === 'unsupported') return null;
  const on = state === 'on';
  const label = t('live.notifications');
  const hint = t(`live.notificationsHint.${state}`);
  return (
    <button
      type="button"
      className={`icon-button live-notify live-notify-${state}`}
      aria-label={label}
      aria-pressed={on}
      aria-description={hint}
      title={`${label}: ${hint}`}
      disabled={state === 'blocked'}
      onClick={async () => setState(on ? turnNotificationsOff(email) : await turnNotificationsOn(email))}
    >
      <BellIcon on={on} />
    </button>
  );
}

/** Drawn here rather than in ui/Icon: a bell with an outline (off) and a filled form (on). */
function BellIcon({ on }: { on: boolean }) {
  return (
    <svg width={20} height={20} viewBox="0 0 24 24" fill="currentColor" aria-hidden="true" className="icon">
      {on ? (
        <path d="M12 2.5a1.5 1.5 0 0 1 1.5 1.5v.7A6 6 0 0 1 18 10.5V15l2 2.5V19H4v-1.5L6 15v-4.5a6 6 0 0 1 4.5-5.8V4A1.5 1.5 0 0 1 12 2.5zM9.5 20h5a2.5 2.5 0 0 1-5 0z" />
      ) : (
        <path d="M12 2.5a1.5 1.5 0 0 1 1.5 1.5v.7A6 6 0 0 1 18 10.5V15l2 2.5V19H4v-1.5L6 15v-4.5a6 6 0 0 1 4.5-5.8V4A1.5 1.5 0 0 1 12 2.5zm0 3.7a4.3 4.3 0 0 0-4.3 4.3v5.1L6.3 17.3h11.4l-1.4-1.7v-5.1A4.3 4.3 0 0 0 12 6.2zM9.5 20h5a2.5 2.5 0 0 1-5 0z" />
      )}
    </svg>
  );
}
