import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Address, MessageDetail } from '../../../proxy/contract';
import { attachmentUrl, rawMessageUrl, useMessage, useSetSeen } from '../../api/messages';
import { useUiStore } from '../../app/ui-store';
import { formatDateTime } from '../../i18n/format';
import { useTimeZone } from '../../i18n/use-time-zone';
import { Banner } from '../../ui/Banner';
import { useErrorMessage } from '../../ui/ErrorText';
import { AttachmentList } from './AttachmentList';
import { MessageBodyFrame } from './MessageBodyFrame';
import { sanitizeMailHtml } from './sanitize-html';

export function MessageReader({
  mailbox,
  uid,
  onBack,
}: {
  mailbox: string;
  uid: number | null;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const message = useMessage(mailbox, uid);
  const { mutate: setSeen } = useSetSeen();
  const wasUnseen = message.data ? !message.data.flags.seen : false;

  // Reading a message marks it read, once, as soon as it is shown.
  useEffect(() => {
    if (uid !== null && wasUnseen) setSeen({ mailbox, uids: [uid], seen: true });
  }, [mailbox, uid, wasUnseen, setSeen]);

  if (uid === null) return <div className="reader-empty muted">{t('reader.noSelection')}</div>;
  if (message.isPending)
    return (
      <div className="reader-empty" aria-busy="true">
        {t('reader.loading')}
      </div>
    );
  if (message.isError) {
    return (
      <Banner tone="error">
        {t('reader.loadError')} {errorMessage(message.error)}
      </Banner>
    );
  }
  return <MessageView message={message.data} mailbox={mailbox} onBack={onBack} />;
}

function MessageView({
  message,
  mailbox,
  onBack,
}: {
  message: MessageDetail;
  mailbox: string;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const timeZone = useTimeZone();
  const messageKey = `${mailbox}/${message.uid}`;
  const allowRemote = useUiStore((s) => Boolean(s.remoteAllowed[messageKey]));
  const allowRemoteFor = useUiStore((s) => s.allowRemote);
  const subject = message.subject || t('list.noSubject');

  const body = useMemo(() => {
    if (!message.html) return null;
    const byCid = new Map(message.attachments.filter((a) => a.contentId).map((a) => [a.contentId!, a.id]));
    return sanitizeMailHtml(message.html, {
      allowRemote,
      resolveCid: (cid) => {
        const part = byCid.get(cid);
        return part ? attachmentUrl(mailbox, message.uid, part, true) : null;
      },
    });
  }, [message, mailbox, allowRemote]);

  // Inline images that the HTML shows are not repeated in the attachment bar.
  const listed = message.attachments.filter(
    (a) => !(a.inline && message.html?.includes(`cid:${a.contentId}`)),
  );

  return (
    <article className="reader" aria-label={t('reader.label')}>
      <button type="button" className="link-button reader-back" onClick={onBack}>
        ← {t('reader.back')}
      </button>
      <h2 className="reader-subject">{subject}</h2>
      <dl className="reader-headers">
        <dt>{t('reader.from')}</dt>
        <dd>
          <AddressText address={message.from} />
        </dd>
        <dt>{t('reader.to')}</dt>
        <dd>{message.to.length ? <AddressList list={message.to} /> : t('reader.undisclosed')}</dd>
        {message.cc.length ? (
          <>
            <dt>{t('reader.cc')}</dt>
            <dd>
              <AddressList list={message.cc} />
            </dd>
          </>
        ) : null}
        {message.replyTo.length && message.replyTo[0]?.address !== message.from?.address ? (
          <>
            <dt>{t('reader.replyTo')}</dt>
            <dd>
              <AddressList list={message.replyTo} />
            </dd>
          </>
        ) : null}
        <dt>{t('reader.date')}</dt>
        <dd>
          <time dateTime={message.date}>{formatDateTime(message.date, i18n.language, timeZone)}</time>
        </dd>
      </dl>
      <div className="reader-tools">
        <a className="link-button small" href={rawMessageUrl(mailbox, message.uid)} download>
          {t('reader.viewSource')}
        </a>
      </div>
      <AttachmentList mailbox={mailbox} uid={message.uid} attachments={listed} />
      {body && body.blockedRemote > 0 && !allowRemote ? (
        <Banner
          tone="info"
          action={
            <button type="button" className="button" onClick={() => allowRemoteFor(messageKey)}>
              {t('reader.showRemote')}
            </button>
          }
        >
          {t('reader.remoteBlocked')}
        </Banner>
      ) : null}
      {body ? (
        <MessageBodyFrame
          key={messageKey}
          html={body.html}
          allowRemote={allowRemote}
          title={t('reader.frameTitle', { subject })}
        />
      ) : message.text ? (
        <pre className="reader-text">{message.text}</pre>
      ) : (
        <p className="muted">{t('reader.emptyBody')}</p>
      )}
    </article>
  );
}

function AddressText({ address }: { address: Address | null }) {
  if (!address) return null;
  return (
    <span className="address">
      {address.name ? (
        <>
          <strong>{address.name}</strong> <span className="muted">&lt;{address.address}&gt;</span>
        </>
      ) : (
        address.address
      )}
    </span>
  );
}

function AddressList({ list }: { list: Address[] }) {
  return (
    <>
      {list.map((a, i) => (
        <span key={`${a.address}|${a.name}`}>
          {i > 0 ? ', ' : null}
          <AddressText address={a} />
        </span>
      ))}
    </>
  );
}
