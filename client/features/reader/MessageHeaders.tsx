import { useTranslation } from 'react-i18next';
import type { Address, MessageDetail } from '../../../common/contract';
import { formatDateTime } from '../../../common/i18n/format';
import { useTimeZone } from '../../i18n/use-time-zone';
import { SenderAuthLine } from './SenderAuthLine';

/** From, To, Cc, Reply-To (when it differs from the sender), date, and the mailing list if any. */
export function MessageHeaders({ message }: { message: MessageDetail }) {
  const { t, i18n } = useTranslation();
  const timeZone = useTimeZone();
  const from = message.from?.address.toLowerCase();
  const replyElsewhere = message.replyTo.some((a) => a.address.toLowerCase() !== from);
  const list = message.list;
  return (
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
      {replyElsewhere ? (
        <>
          <dt>{t('reader.replyTo')}</dt>
          <dd className="reply-to">
            <AddressList list={message.replyTo} />
          </dd>
        </>
      ) : null}
      <dt>{t('reader.date')}</dt>
      <dd>
        <time dateTime={message.date}>{formatDateTime(message.date, i18n.language, timeZone)}</time>
      </dd>
      <SenderAuthLine sender={message.sender} />
      {list ? (
        <>
          <dt>{t('reader.mailingList')}</dt>
          <dd className="mailing-list">
            {list.name ? <strong>{list.name}</strong> : null}{' '}
            {list.id ? <span className="muted">&lt;{list.id}&gt;</span> : null}
            {list.unsubscribeUrl || list.unsubscribeMail ? (
              <>
                {' · '}
                <a
                  href={list.unsubscribeUrl ?? list.unsubscribeMail!}
                  target="_blank"
                  rel="noopener noreferrer"
                  title={list.unsubscribeUrl ?? list.unsubscribeMail!}
                >
                  {t('reader.unsubscribe')}
                </a>
              </>
            ) : null}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

export function addressLine(list: Address[]): string {
  return list.map((a) => (a.name ? `${a.name} <${a.address}>` : a.address)).join(', ');
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

export function AddressList({ list }: { list: Address[] }) {
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
