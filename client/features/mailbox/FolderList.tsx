import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useMailboxes } from '../../api/mailboxes';
import { Banner } from '../../ui/Banner';
import { mailboxDepth, mailboxLabel } from './mailbox-name';
import { mailPath } from './routes';

export function FolderList({ current, onNavigate }: { current: string; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const mailboxes = useMailboxes();
  if (mailboxes.isError) return <Banner tone="error">{t('mailbox.loadError')}</Banner>;
  return (
    <nav aria-label={t('mailbox.folders')} className="folder-list">
      <ul>
        {(mailboxes.data ?? []).map((box) => {
          const label = mailboxLabel(box, t);
          const active = box.path === current;
          return (
            <li key={box.path} style={{ paddingInlineStart: `${mailboxDepth(box) * 14}px` }}>
              {box.selectable ? (
                <Link
                  href={mailPath(box.path)}
                  className={`folder ${active ? 'active' : ''} ${box.unread > 0 ? 'has-unread' : ''}`}
                  aria-current={active ? 'page' : undefined}
                  onClick={onNavigate}
                  data-special-use={box.specialUse ?? undefined}
                >
                  <span className="folder-name">{label}</span>
                  {box.unread > 0 ? (
                    <span className="badge" title={t('mailbox.unreadCount', { count: box.unread })}>
                      {box.unread}
                    </span>
                  ) : null}
                </Link>
              ) : (
                <span className="folder folder-noselect">{label}</span>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
