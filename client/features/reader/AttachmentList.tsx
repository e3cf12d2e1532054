import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentInfo } from '../../../common/contract';
import { attachmentPreviewKind } from '../../../common/policy/attachment-preview-kind';
import { fileExtension, safeFileName, splitFileName } from '../../../common/policy/file-name';
import { useAttachmentVerdicts } from '../../api/attachment-verdicts';
import { attachmentFileUrl, attachmentsZipUrl, previewKind } from '../../api/message-files';
import { FileSize } from '../../ui/FileSize';
import { AttachmentPreviewDialog } from '../attachment-preview/AttachmentPreviewDialog';
import { AttachmentScanNote, opensFile, scanState } from './AttachmentScanNote';
import { ImagePreviewDialog } from './ImagePreviewDialog';
import { isPdfAttachment, PdfSignatureBadge } from './PdfSignatureBadge';

/**
 * The attachment bar: type badge, name, size; images open in a preview over the page, PDFs in
 * the browser's own viewer in a new tab (served inline under a CSP sandbox); every file downloads,
 * and all of them at once as one ZIP. A file the malware scan refused (Đ8.2b) says so and offers
 * nothing to open.
 */
export function AttachmentList({
  mailbox,
  uid,
  attachments,
}: {
  mailbox: string;
  uid: number;
  attachments: AttachmentInfo[];
}) {
  const { t } = useTranslation();
  const [previewing, setPreviewing] = useState<AttachmentInfo | null>(null);
  const [converting, setConverting] = useState<AttachmentInfo | null>(null);
  const verdicts = useAttachmentVerdicts(mailbox, uid, attachments.length > 0);
  if (attachments.length === 0) return null;
  const stateOf = (a: AttachmentInfo) => scanState(verdicts.data?.get(a.id), verdicts.isPending);
  const heading = t('reader.attachments', { count: attachments.length });
  return (
    <section className="attachments" aria-label={heading}>
      <div className="attachments-head">
        <h3 className="small muted">{heading}</h3>
        {attachments.length > 1 && attachments.every((a) => opensFile(stateOf(a))) ? (
          <a className="link-button small" href={attachmentsZipUrl(mailbox, uid)} download>
            {t('reader.downloadAll')}
          </a>
        ) : null}
      </div>
      <ul>
        {attachments.map((raw) => {
          // Neutralised here too: the name is the sender's text, and this is where it is read.
          const a = { ...raw, filename: safeFileName(raw.filename) };
          const kind = previewKind(a.contentType);
          const { stem, extension } = splitFileName(a.filename);
          const ext = fileExtension(a.filename);
          const scan = stateOf(a);
          return (
            <li key={a.id} className={`attachment attachment-${scan}`}>
              <span
                className={`attachment-type attachment-type-${typeFamily(a)}`}
                title={ext ? t('hostile.fileType', { ext: ext.toUpperCase() }) : t('hostile.noExtension')}
              >
                {typeBadge(a.filename, a.contentType)}
              </span>
              <span className="attachment-text">
                {/* The stem may be cut with an ellipsis; the real extension always stays in sight. */}
                <span className="attachment-name" title={a.filename} dir="ltr">
                  <span className="attachment-stem">{stem}</span>
                  <span className="attachment-ext">{extension}</span>
                </span>
                <span className="attachment-size muted small">
                  <FileSize bytes={a.size} />
                </span>
                <AttachmentScanNote state={scan} signature={verdicts.data?.get(a.id)?.signature ?? null} />
                {isPdfAttachment(a) && opensFile(scan) ? (
                  <PdfSignatureBadge mailbox={mailbox} uid={uid} attachment={a} />
                ) : null}
              </span>
              {!opensFile(scan) ? null : (
                <span className="attachment-actions">
                  {kind === 'image' ? (
                    <button
                      type="button"
                      className="link-button small"
                      aria-label={t('reader.previewNamed', { name: a.filename })}
                      onClick={() => setPreviewing(a)}
                    >
                      {t('reader.preview')}
                    </button>
                  ) : kind === 'pdf' ? (
                    <a
                      className="link-button small"
                      href={attachmentFileUrl(mailbox, uid, a.id, true)}
                      target="_blank"
                      rel="noopener noreferrer"
                      aria-label={t('reader.previewNamed', { name: a.filename })}
                    >
                      {t('reader.preview')}
                    </a>
                  ) : attachmentPreviewKind(a.filename, a.contentType) ? (
                    <button
                      type="button"
                      className="link-button small"
                      aria-label={t('preview.viewNamed', { name: a.filename })}
                      onClick={() => setConverting(a)}
                    >
                      {t('preview.view')}
                    </button>
                  ) : null}
                  <a
                    className="link-button small"
                    href={attachmentFileUrl(mailbox, uid, a.id)}
                    download={a.filename}
                    aria-label={t('reader.download', { name: a.filename })}
                  >
                    {t('reader.downloadFile')}
                  </a>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {previewing ? (
        <ImagePreviewDialog
          name={previewing.filename}
          src={attachmentFileUrl(mailbox, uid, previewing.id, true)}
          downloadHref={attachmentFileUrl(mailbox, uid, previewing.id)}
          onClose={() => setPreviewing(null)}
        />
      ) : null}
      {converting ? (
        <AttachmentPreviewDialog
          mailbox={mailbox}
          uid={uid}
          attachment={converting}
          onClose={() => setConverting(null)}
        />
      ) : null}
    </section>
  );
}

/** The file's extension as a short badge (PDF, DOCX, XLSX…), as office workers recognise files. */
function typeBadge(filename: string, type: string): string {
  const ext = fileExtension(filename);
  if (ext) return ext.slice(0, 5).toUpperCase();
  if (type === 'message/rfc822') return 'EML';
  // No extension: the declared type is only the sender's word, and opaque bytes say nothing.
  if (type === 'application/octet-stream') return '?';
  return (type.split('/')[1] ?? '?').slice(0, 4).toUpperCase();
}

/**
 * A colour per family, so a signed PDF and a spreadsheet are told apart at a glance. The real
 * extension decides, not the type the sender declared: a ".exe" sent as application/pdf is no PDF.
 */
function typeFamily({ filename, contentType }: AttachmentInfo): string {
  const ext = fileExtension(filename);
  if (ext === null) return contentType.startsWith('image/') ? 'image' : 'other';
  if (ext === 'pdf') return 'pdf';
  if (/^(png|jpe?g|gif|webp|bmp)$/.test(ext)) return 'image';
  if (/^(docx?|odt|rtf)$/.test(ext)) return 'doc';
  if (/^(xlsx?|ods|csv)$/.test(ext)) return 'sheet';
  if (/^(zip|rar|7z|gz)$/.test(ext)) return 'archive';
  return 'other';
}
