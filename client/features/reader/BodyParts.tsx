import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyPart, ForwardedMessagePart } from '../../../common/contract';
import { formatDateTime } from '../../../common/i18n/format';
import { attachmentFileUrl } from '../../api/message-files';
import { useTimeZone } from '../../i18n/use-time-zone';
import { MessageBodyFrame } from './MessageBodyFrame';
import { AddressList } from './MessageHeaders';
import { PlainTextBody } from './PlainTextBody';
import { sanitizeMailHtml } from './sanitize-html';

export interface BodyPartsContext {
  mailbox: string;
  uid: number;
  allowRemote: boolean;
  resolveCid: (contentId: string) => string | null;
  /** Title of each body frame, for screen readers. */
  frameTitle: string;
}

/**
 * Every displayable part of the body in the sender's order (Đ10.2: nothing lost): text as text,
 * each HTML part sanitised into a sandboxed frame of its own, a forwarded message as a nested,
 * collapsible message with its own headers, parts and .eml download.
 */
export function BodyParts({ parts, context }: { parts: BodyPart[]; context: BodyPartsContext }) {
  return (
    <div className="body-parts">
      {parts.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: parts never reorder
        <BodyPartView key={i} part={part} context={context} />
      ))}
    </div>
  );
}

function BodyPartView({ part, context }: { part: BodyPart; context: BodyPartsContext }) {
  if (part.kind === 'text') return <PlainTextBody text={part.text} />;
  if (part.kind === 'html') return <HtmlPart html={part.html} context={context} />;
  return <ForwardedMessage message={part} context={context} />;
}

function HtmlPart({ html, context }: { html: string; context: BodyPartsContext }) {
  const { allowRemote, resolveCid } = context;
  const clean = useMemo(
    () => sanitizeMailHtml(html, { allowRemote, resolveCid }).html,
    [html, allowRemote, resolveCid],
  );
  return <MessageBodyFrame html={clean} allowRemote={allowRemote} title={context.frameTitle} />;
}

function ForwardedMessage({
  message,
  context,
}: {
  message: ForwardedMessagePart;
  context: BodyPartsContext;
}) {
  const { t, i18n } = useTranslation();
  const timeZone = useTimeZone();
  const subject = message.subject || t('list.noSubject');
  return (
    <details className="forwarded-message" open>
      <summary>
        <span className="forwarded-label small muted">{t('hostile.forwardedMessage')}</span>{' '}
        <strong className="forwarded-subject">{subject}</strong>
      </summary>
      <dl className="reader-headers forwarded-headers">
        <dt>{t('reader.from')}</dt>
        <dd>{message.from ? <AddressList list={[message.from]} /> : null}</dd>
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
        {message.date ? (
          <>
            <dt>{t('reader.date')}</dt>
            <dd>
              <time dateTime={message.date}>{formatDateTime(message.date, i18n.language, timeZone)}</time>
            </dd>
          </>
        ) : null}
        <dt>{t('hostile.subject')}</dt>
        <dd>{subject}</dd>
      </dl>
      <a
        className="link-button small"
        href={attachmentFileUrl(context.mailbox, context.uid, message.part)}
        download
      >
        {t('hostile.downloadForwarded')}
      </a>
      {message.parts.length ? (
        <BodyParts
          parts={message.parts}
          context={{ ...context, frameTitle: `${context.frameTitle} › ${subject}` }}
        />
      ) : (
        <p className="muted">{t('reader.emptyBody')}</p>
      )}
    </details>
  );
}
