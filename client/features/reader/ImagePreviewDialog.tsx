import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

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

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    closeButton.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      opener?.focus();
    };
  }, [onClose]);

  return (
    <div className="dialog-backdrop preview-backdrop">
      <div
        className="dialog preview-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={t('reader.previewTitle', { name })}
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
      </div>
    </div>
  );
}
