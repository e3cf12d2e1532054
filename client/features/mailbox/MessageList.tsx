import { useTranslation } from 'react-i18next';
import { useMessagePages } from '../../api/messages';
import { Banner } from '../../ui/Banner';
import { useErrorMessage } from '../../ui/ErrorText';
import { MessageListRow } from './MessageListRow';

export function MessageList({
  mailbox,
  selectedUid,
  onOpen,
}: {
  mailbox: string;
  selectedUid: number | null;
  onOpen: (uid: number) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const pages = useMessagePages(mailbox);

  if (pages.isPending) {
    return (
      <div className="list-state" aria-busy="true">
        {t('list.loading')}
      </div>
    );
  }
  if (pages.isError) {
    return (
      <Banner
        tone="error"
        action={
          <button type="button" className="button" onClick={() => pages.refetch()}>
            {t('list.retry')}
          </button>
        }
      >
        {t('list.loadError')} {errorMessage(pages.error)}
      </Banner>
    );
  }
  const messages = pages.data.pages.flatMap((p) => p.messages);
  const total = pages.data.pages[0]?.total ?? 0;
  if (messages.length === 0) return <div className="list-state">{t('list.empty')}</div>;

  return (
    <div className="message-list">
      <div className="list-summary muted small">{t('list.total', { count: total })}</div>
      <ul aria-label={t('list.label')}>
        {messages.map((m) => (
          <MessageListRow key={m.uid} message={m} selected={m.uid === selectedUid} onOpen={onOpen} />
        ))}
      </ul>
      {pages.hasNextPage ? (
        <button
          type="button"
          className="button load-more"
          disabled={pages.isFetchingNextPage}
          onClick={() => pages.fetchNextPage()}
        >
          {pages.isFetchingNextPage ? t('list.loadingMore') : t('list.loadMore')}
        </button>
      ) : null}
    </div>
  );
}
