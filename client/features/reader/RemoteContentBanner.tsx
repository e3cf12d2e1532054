import { useTranslation } from 'react-i18next';
import { Banner } from '../../ui/Banner';

/**
 * Remote pictures are held back until the reader asks: for this message only, or always for this
 * sender (kept per user on the proxy). Once a sender is trusted, a quiet line says so and undoes it.
 */
export function RemoteContentBanner({
  sender,
  blocked,
  allowedForSender,
  onShowOnce,
  onAlwaysAllow,
  onBlockAgain,
}: {
  sender: string | null;
  blocked: boolean;
  allowedForSender: boolean;
  onShowOnce: () => void;
  onAlwaysAllow: () => void;
  onBlockAgain: () => void;
}) {
  const { t } = useTranslation();
  if (allowedForSender && sender) {
    return (
      <p className="remote-note small muted">
        {t('reader.remoteAllowedForSender', { sender })}{' '}
        <button type="button" className="link-button small" onClick={onBlockAgain}>
          {t('reader.blockSenderAgain')}
        </button>
      </p>
    );
  }
  if (!blocked) {
    // Shown for this message only: "always" stays one click away.
    if (!sender) return null;
    return (
      <p className="remote-note small muted">
        <button type="button" className="link-button small" onClick={onAlwaysAllow}>
          {t('reader.alwaysAllowSender', { sender })}
        </button>
      </p>
    );
  }
  return (
    <Banner
      tone="info"
      action={
        <div className="remote-actions">
          <button type="button" className="button" onClick={onShowOnce}>
            {t('reader.showRemote')}
          </button>
          {sender ? (
            <button type="button" className="link-button" onClick={onAlwaysAllow}>
              {t('reader.alwaysAllowSender', { sender })}
            </button>
          ) : null}
        </div>
      }
    >
      {t('reader.remoteBlocked')}
    </Banner>
  );
}
