import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentInfo } from '../../../common/contract';
import { useAttachmentPreview } from '../../api/attachment-preview';
import { ApiClientError } from '../../api/http';
import { attachmentFileUrl } from '../../api/message-files';
import { Dialog } from '../../ui/Dialog';
import { useErrorMessage } from '../../ui/ErrorText';
import { BodyParts } from '../reader/BodyParts';
import { ConvertedDocument } from './ConvertedDocument';
import { WorkbookPreview } from './WorkbookPreview';
import './attachment-preview.css';

const noCid = () => null;

/**
 * A .docx, .xlsx or forwarded message over the page, converted by the proxy: a document in the
 * mail frame, a workbook as sheet tabs, a message as the reader shows a forwarded one. A file
 * that cannot be previewed says why (with the code, for the help desk) and still downloads.
 * Escape or "Đóng" returns focus to the "Xem" button that opened it.
 */
export function AttachmentPreviewDialog({
  mailbox,
  uid,
  attachment,
  onClose,
}: {
  mailbox: string;
  uid: number;
  attachment: AttachmentInfo;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const closeButton = useRef<HTMLButtonElement>(null);
  const query = useAttachmentPreview(mailbox, uid, attachment.id);
  const name = attachment.filename;
  const frameTitle = t('preview.documentFrame', { name });

  let content: React.ReactNode;
  if (query.isPending)
    content = (
      <p className="muted" role="status">
        {t('preview.loading')}
      </p>
    );
  else if (query.isError)
    content = (
      <div className="preview-error" role="alert">
        <p>{errorMessage(query.error)}</p>
        {query.error instanceof ApiClientError ? (
          <p className="small muted">{t('preview.errorCode', { code: query.error.code })}</p>
        ) : null}
      </div>
    );
  else if (query.data.kind === 'document')
    content = (
      <>
        <p className="preview-cap small">{t('preview.note')}</p>
        <ConvertedDocument html={query.data.html} title={frameTitle} />
      </>
    );
  else if (query.data.kind === 'workbook')
    content = (
      <>
        <p className="preview-cap small">{t('preview.note')}</p>
        <WorkbookPreview name={name} sheets={query.data.sheets} omittedSheets={query.data.omittedSheets} />
      </>
    );
  else
    content = (
      <BodyParts
        parts={query.data.parts}
        context={{ mailbox, uid, allowRemote: false, resolveCid: noCid, frameTitle }}
      />
    );

  return (
    <Dialog
      label={t('preview.title', { name })}
      className="preview-dialog attachment-preview-dialog"
      backdropClassName="preview-backdrop"
      initialFocus={closeButton}
      onClose={onClose}
    >
      <div className="preview-head">
        <h2 className="preview-name" title={name}>
          {name}
        </h2>
        <a className="link-button" href={attachmentFileUrl(mailbox, uid, attachment.id)} download={name}>
          {t('preview.download')}
        </a>
        <button type="button" className="button" ref={closeButton} onClick={onClose}>
          {t('preview.close')}
        </button>
      </div>
      <div className="attachment-preview-body">{content}</div>
    </Dialog>
  );
}
