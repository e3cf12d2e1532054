import { useTranslation } from 'react-i18next';
import type { AttachmentInfo } from '../../../proxy/contract';
import { attachmentUrl } from '../../api/messages';
import { FileSize } from '../../ui/FileSize';

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
  if (attachments.length === 0) return null;
  return (
    <section className="attachments" aria-label={t('reader.attachments', { count: attachments.length })}>
      <h3 className="small muted">{t('reader.attachments', { count: attachments.length })}</h3>
      <ul>
        {attachments.map((a) => (
          <li key={a.id}>
            <a
              className="attachment"
              href={attachmentUrl(mailbox, uid, a.id)}
              download={a.filename}
              aria-label={t('reader.download', { name: a.filename })}
            >
              <span className="attachment-type" aria-hidden="true">
                {typeBadge(a.filename, a.contentType)}
              </span>
              <span className="attachment-name">{a.filename}</span>
              <span className="attachment-size muted small">
                <FileSize bytes={a.size} />
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The file's extension as a short badge (PDF, DOCX, XLSX…), as office workers recognise files. */
function typeBadge(filename: string, type: string): string {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(filename)?.[1];
  if (ext) return ext.toUpperCase();
  if (type === 'message/rfc822') return 'EML';
  return (type.split('/')[1] ?? 'FILE').slice(0, 4).toUpperCase();
}
