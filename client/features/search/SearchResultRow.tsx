import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../common/contract';
import { RowDate, RowIcons } from '../mailbox/RowParts';
import { Highlighted, useHighlightPhrases } from './highlight';
import { SearchIcon } from './SearchIcon';

/** A hit looks like a row of the message list, with the folder it lives in. */
export function SearchResultRow({
  hit,
  folderLabel,
  selected,
  onOpen,
}: {
  hit: SearchHit;
  folderLabel: string;
  selected: boolean;
  onOpen: (hit: SearchHit) => void;
}) {
  const { t } = useTranslation();
  const sender = hit.from?.name || hit.from?.address || t('list.unknownSender');
  const unread = !hit.flags.seen;
  const fromPhrases = useHighlightPhrases('from');
  const subjectPhrases = useHighlightPhrases('subject');
  const bodyPhrases = useHighlightPhrases('body');
  return (
    <li
      className={`message-row search-hit ${unread ? 'unread' : ''} ${selected ? 'selected' : ''}`}
      data-mailbox={hit.mailbox}
      data-uid={hit.uid}
    >
      <button
        type="button"
        className="message-row-button"
        aria-current={selected ? 'true' : undefined}
        onClick={() => onOpen(hit)}
      >
        <span className="row-line">
          <span className="row-from" title={hit.from?.address}>
            {unread ? <span className="sr-only">{t('list.unread')}: </span> : null}
            <Highlighted text={sender} phrases={fromPhrases} />
          </span>
          <RowDate date={hit.date} />
        </span>
        <span className="row-line">
          <span className="row-subject">
            {hit.subject ? <Highlighted text={hit.subject} phrases={subjectPhrases} /> : t('list.noSubject')}
          </span>
          <RowIcons hasAttachments={hit.hasAttachments} flagged={hit.flags.flagged} />
        </span>
        {hit.preview ? (
          <span className="row-preview">
            <Highlighted text={hit.preview} phrases={bodyPhrases} />
          </span>
        ) : null}
        <span className="search-hit-folder">
          <SearchIcon name="folder" size={13} />
          <span className="sr-only">{t('search.inFolder')}: </span>
          {folderLabel}
        </span>
      </button>
    </li>
  );
}
