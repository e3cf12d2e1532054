import { useTranslation } from 'react-i18next';
import { FileSize } from '../../ui/FileSize';
import { attachedBytes, removeAttachment } from './attachments';
import type { AttachmentItem } from './compose-store';
import { useSizeText } from './size-text';

/** The window's files: a progress bar while uploading, the running total against the cap. */
export function ComposeAttachments({
  composeId,
  attachments,
  limit,
}: {
  composeId: string;
  attachments: AttachmentItem[];
  limit: number;
}) {
  const { t } = useTranslation();
  const size = useSizeText();
  if (!attachments.length) return null;
  return (
    <section className="compose-attachments" aria-label={t('compose.attachments')}>
      <ul>
        {attachments.map((a) => (
          <li key={a.key} className={`compose-attachment compose-attachment-${a.state}`}>
            <span className="compose-attachment-name" title={a.filename}>
              {a.filename}
            </span>
            <span className="muted small">
              <FileSize bytes={a.size} />
            </span>
            {a.state === 'uploading' ? (
              <progress
                className="compose-progress"
                max={a.size || 1}
                value={Math.min(a.loaded, a.size)}
                aria-label={t('compose.uploading', { name: a.filename })}
              />
            ) : null}
            <button
              type="button"
              className="icon-button compose-attachment-remove"
              aria-label={t('compose.removeAttachment', { name: a.filename })}
              title={t('compose.removeAttachment', { name: a.filename })}
              onClick={() => removeAttachment(composeId, a.key)}
            >
              ×
            </button>
            {a.state === 'failed' ? (
              <span className="compose-attachment-error" role="alert">
                {t('compose.uploadFailed', { name: a.filename })}{' '}
                {a.error ? t(`errors.${a.error.code}`, a.error.details) : null}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="muted small compose-attachments-total">
        {t('compose.attachedTotal', { total: size(attachedBytes(attachments)), limit: size(limit) })}
      </p>
    </section>
  );
}
