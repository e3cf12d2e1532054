import { useTranslation } from 'react-i18next';
import type { ComposeWindow } from './compose-store';
import './reply-destination.css';

/**
 * "Thư trả lời sẽ được gửi tới: …" under the recipients of a reply to a doubtful sender: the bare
 * addresses the reply will really go to (display names can lie), kept in step with the fields.
 */
export function ReplyDestination({ window: w }: { window: Pick<ComposeWindow, 'to' | 'cc'> }) {
  const { t } = useTranslation();
  const addresses = [...w.to, ...w.cc].map((r) => r.address).join(', ');
  if (!addresses) return null;
  return (
    <p className="compose-reply-destination" role="note">
      {t('sender.replyGoesTo', { addresses })}
    </p>
  );
}
