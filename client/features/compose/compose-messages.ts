import { useTranslation } from 'react-i18next';
import type { ComposeError } from './compose-store';
import { useSizeText } from './size-text';

const SEND_FAILURES = new Set([
  'send_failed',
  'recipient_refused',
  'sending_locked',
  'network',
  'internal_error',
  'provider_unavailable',
  'send_in_progress',
  'attachment_too_large',
  'upload_not_found',
  'invalid_address',
  'no_recipients',
  'mailbox_full',
  'validation_failed',
  'signing_expired',
  'signing_email_mismatch',
  'signing_signature_invalid',
  'signing_failed',
]);

/** Text for the window's error (a failed send or prefill) and for its notices. */
export function useComposeMessages() {
  const { t } = useTranslation();
  const size = useSizeText();

  const error = (e: ComposeError, sending: boolean): string => {
    const parts = [t(`errors.${e.code}`, { ...e.details })];
    // Đ5.3b: the lock's reason is the administrator's own words for this user.
    if (e.code === 'sending_locked' && e.details.reason) {
      parts.push(t('compose.lockedReason', { reason: e.details.reason }));
    }
    if (sending && SEND_FAILURES.has(e.code) && !('draftUid' in e.details))
      parts.push(t('compose.keptInWindow'));
    return parts.join(' ');
  };

  const notice = (n: ComposeError): string => {
    const d = n.details;
    switch (n.code) {
      case 'over_cap':
        return t('compose.overCap', {
          name: d.name,
          size: size(Number(d.size)),
          limit: size(Number(d.limit)),
          total: size(Number(d.total)),
        });
      case 'invalid_recipients':
        return t('compose.invalidRecipients', { addresses: d.addresses });
      case 'wait_uploads':
        return t('compose.waitForUploads');
      case 'remove_failed':
        return t('compose.removeFailed');
      default:
        return t(`errors.${n.code}`, { ...d });
    }
  };

  return { error, notice };
}
