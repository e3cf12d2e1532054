import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageDetail } from '../../../common/contract';
import { formatDateTime } from '../../../common/i18n/format';
import { useAttachmentVerdicts } from '../../api/attachment-verdicts';
import { attachmentFileUrl, rawSourceUrl } from '../../api/message-files';
import { useMessage, useSetSeen } from '../../api/messages';
import { useSettings, useUpdateSettings } from '../../api/settings';
import { useTimeZone } from '../../i18n/use-time-zone';
import { Banner } from '../../ui/Banner';
import { useErrorMessage } from '../../ui/ErrorText';
import { AddSenderButton } from '../contacts/AddSenderButton';
import { InvitationCard } from '../invitations/InvitationCard';
import { ReportMessageButton } from '../problem-report/ProblemReportDialog';
import { markHtmlText, useHighlightPhrases } from '../search/highlight';
import { FilterLikeThisButton } from '../sieve/FilterLikeThisButton';
import { AttachmentList } from './AttachmentList';
import { BodyParts } from './BodyParts';
import { MessageBodyFrame } from './MessageBodyFrame';
import { addressLine, MessageHeaders } from './MessageHeaders';
import { PlainTextBody } from './PlainTextBody';
import { printMessage } from './print-message';
import { ReaderToolbar } from './ReaderToolbar';
import { RemoteContentBanner } from './RemoteContentBanner';
import { useRemoteImagesStore } from './remote-images-store';
import { SenderBanner } from './SenderBanner';
import { SignatureLine } from './SignatureLine';
import { sanitizeMailHtml } from './sanitize-html';
import './reader.css';

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
  const subject = message.subject || t('list.noSubject');

  // Remote content: this message only (this tab), or always for the sender (user setting).
  const allowedOnce = useRemoteImagesStore((s) => Boolean(s.remoteAllowed[messageKey]));
  const showOnce = useRemoteImagesStore((s) => s.allowRemote);
  const settings = useSettings();
  const { mutate: updateSettings } = useUpdateSettings();
  const sender = message.from?.address.toLowerCase() || null;
  const trusted = settings.data?.alwaysAllowRemoteFrom ?? [];
  const allowedForSender = sender !== null && trusted.includes(sender);
  const allowRemote = allowedOnce || allowedForSender;

  const byCid = useMemo(
    () => new Map(message.attachments.filter((a) => a.contentId).map((a) => [a.contentId!, a.id])),
    [message.attachments],
  );
  const resolveCid = useCallback(
    (cid: string) => {
      const part = byCid.get(cid);
      return part ? attachmentFileUrl(mailbox, message.uid, part, true) : null;
    },
    [byCid, mailbox, message.uid],
  );
  // The merged HTML (every part, when there are several) is what prints and what the remote
  // content banner counts; the reader itself shows the parts one by one.
  const body = useMemo(
    () => (message.html ? sanitizeMailHtml(message.html, { allowRemote, resolveCid }) : null),
    [message.html, allowRemote, resolveCid],
  );
  const parts = message.parts && message.parts.length > 0 ? message.parts : null;
  const searchPhrases = useHighlightPhrases('body');
  const markedHtml = useMemo(() => body && markHtmlText(body.html, searchPhrases), [body, searchPhrases]);

  // Inline images that the HTML shows are not repeated in the attachment bar.
  const listed = message.attachments.filter(
    (a) => !(a.inline && message.html?.includes(`cid:${a.contentId}`)),
  );
  // Đ8.2b: a message that carries malware offers no way to take its source either (the proxy
  // refuses it too); the same query as the attachment chips, so no second request.
  const verdicts = useAttachmentVerdicts(mailbox, message.uid, listed.length > 0);
  const carriesMalware = [...(verdicts.data?.values() ?? [])].some((v) => v.status === 'infected');

  const print = () =>
    printMessage({
      subject,
      headers: [
        [t('reader.from'), message.from ? addressLine([message.from]) : ''],
        [t('reader.to'), addressLine(message.to) || t('reader.undisclosed')],
        ...(message.cc.length ? [[t('reader.cc'), addressLine(message.cc)] as [string, string]] : []),
        [t('reader.date'), formatDateTime(message.date, i18n.language, timeZone)],
      ],
      attachmentsLabel: t('reader.attachments', { count: listed.length }),
      attachments: listed.map((a) => a.filename),
      html: body?.html ?? null,
      text: message.text,
      allowRemote,
    });

  return (
    <article className="reader" aria-label={t('reader.label')}>
      <button type="button" className="link-button reader-back" onClick={onBack}>
        ← {t('reader.back')}
      </button>
      <h2 className="reader-subject">{subject}</h2>
      <MessageHeaders message={message} />
      <ReaderToolbar mailbox={mailbox} message={message} onBack={onBack} onPrint={print} />
      <div className="reader-tools">
        {carriesMalware ? null : (
          <>
            <a
              className="link-button small"
              href={rawSourceUrl(mailbox, message.uid, true)}
              target="_blank"
              rel="noopener noreferrer"
            >
              {t('reader.viewSource')}
            </a>
            <a className="link-button small" href={rawSourceUrl(mailbox, message.uid)} download>
              {t('reader.downloadEml')}
            </a>
          </>
        )}
        <ReportMessageButton mailbox={mailbox} uid={message.uid} onMoved={onBack} />
        <FilterLikeThisButton message={message} className="link-button small" />
        <AddSenderButton from={message.from} />
      </div>
      <SenderBanner sender={message.sender} />
      {message.invitation ? (
        <InvitationCard mailbox={mailbox} uid={message.uid} invitation={message.invitation} />
      ) : null}
      <AttachmentList mailbox={mailbox} uid={message.uid} attachments={listed} />
      {body && body.remote > 0 ? (
        <RemoteContentBanner
          sender={sender}
          blocked={body.blockedRemote > 0 && !allowRemote}
          allowedForSender={allowedForSender}
          onShowOnce={() => showOnce(messageKey)}
          onAlwaysAllow={() => sender && updateSettings({ alwaysAllowRemoteFrom: [...trusted, sender] })}
          onBlockAgain={() => updateSettings({ alwaysAllowRemoteFrom: trusted.filter((s) => s !== sender) })}
        />
      ) : null}
      {message.signature ? <SignatureLine signature={message.signature} timeZone={timeZone} /> : null}
      {parts ? (
        <BodyParts
          key={messageKey}
          parts={parts}
          context={{
            mailbox,
            uid: message.uid,
            allowRemote,
            resolveCid,
            frameTitle: t('reader.frameTitle', { subject }),
          }}
        />
      ) : body ? (
        <MessageBodyFrame
          key={messageKey}
          html={markedHtml ?? body.html}
          allowRemote={allowRemote}
          title={t('reader.frameTitle', { subject })}
        />
      ) : message.text ? (
        <PlainTextBody text={message.text} />
      ) : (
        <p className="muted">{t('reader.emptyBody')}</p>
      )}
    </article>
  );
}
