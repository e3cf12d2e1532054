import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';

/**
 * An image attachment over the page, loaded from the proxy with inline=1 (raster types only: the
 * proxy never serves SVG or HTML inline). Escape or the close button returns to the message.
 */
export function ImagePreviewDialog({
  name,
  src,
  downloadHref,
  onClose,
}: {
  name: string;
  src: string;
  downloadHref: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const closeButton = useRef<HTMLButtonElement>(null);

  return (
    <Dialog
      label={t('reader.previewTitle', { name })}
      className="preview-dialog"
      backdropClassName="preview-backdrop"
      initialFocus={closeButton}
      onClose={onClose}
    >
      <div className="preview-head">
        <h2 className="preview-name">{name}</h2>
        <a className="link-button" href={downloadHref} download={name}>
          {t('reader.downloadFile')}
        </a>
        <button type="button" className="button" ref={closeButton} onClick={onClose}>
          {t('reader.close')}
        </button>
      </div>
      <img className="preview-image" src={src} alt={name} />
    </Dialog>
  );
}
