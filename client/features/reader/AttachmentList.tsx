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
              <span className="attachment-icon" aria-hidden="true">
                {iconFor(a.contentType)}
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

function iconFor(type: string): string {
  if (type.startsWith('image/')) return '🖼';
  if (type === 'application/pdf') return '📕';
  if (type.includes('word') || type.includes('document')) return '📄';
  if (type.includes('sheet') || type.includes('excel')) return '📊';
  if (type === 'message/rfc822') return '✉';
  if (type.includes('zip') || type.includes('compressed')) return '🗜';
  return '📎';
}
