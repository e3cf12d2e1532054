import { useTranslation } from 'react-i18next';
import type {
  InvitationAnswer,
  InvitationAttendee,
  InvitationEvent,
  MessageInvitation,
} from '../../../common/contract';
import { invitationFileUrl, useAnswerInvitation } from '../../api/invitations';
import { useSession } from '../../api/session';
import { useTimeZone } from '../../i18n/use-time-zone';
import { useErrorMessage } from '../../ui/ErrorText';
import { originalText, recurrenceText, timeRange } from './invitation-texts';
import './invitation-card.css';

const ANSWERS: { answer: InvitationAnswer; label: string }[] = [
  { answer: 'accepted', label: 'invite.accept' },
  { answer: 'tentative', label: 'invite.tentative' },
  { answer: 'declined', label: 'invite.decline' },
];

/**
 * A meeting invitation above the message body. Every text comes from the calendar as plain text
 * and React renders it as text: a SUMMARY made of HTML shows its tags, it never becomes markup.
 */
export function InvitationCard({
  mailbox,
  uid,
  invitation,
}: {
  mailbox: string;
  uid: number;
  invitation: MessageInvitation;
}) {
  const { t } = useTranslation();
  if (!invitation.event) {
    return (
      <p className="invitation-note muted" data-testid="invitation-note">
        {t(invitation.problem === 'too_large' ? 'invite.tooLarge' : 'invite.unreadable')}
      </p>
    );
  }
  return <EventCard mailbox={mailbox} uid={uid} event={invitation.event} answer={invitation.answer} />;
}

function EventCard({
  mailbox,
  uid,
  event,
  answer,
}: {
  mailbox: string;
  uid: number;
  event: InvitationEvent;
  answer: InvitationAnswer | null;
}) {
  const { t, i18n } = useTranslation();
  const timeZone = useTimeZone();
  const errorMessage = useErrorMessage();
  const me = useSession().data?.email.toLowerCase() ?? null;
  const send = useAnswerInvitation(mailbox, uid);
  const shown = send.data?.answer ?? answer;
  const answerable = !event.cancelled && event.method === 'REQUEST' && Boolean(event.organizer?.address);
  const organizerIsMe = me !== null && event.organizer?.address === me;
  const invited =
    me === null ||
    event.attendees.some((a) => a.address === me) ||
    event.attendeeCount > event.attendees.length;
  const title = event.title || t('invite.untitled');
  const hidden = event.attendeeCount - event.attendees.length;

  return (
    <section
      className={`invitation-card${event.cancelled ? ' invitation-cancelled' : ''}`}
      aria-label={t('invite.cardLabel')}
      data-testid="invitation-card"
    >
      <p className="invitation-kind">{event.cancelled ? t('invite.cancelled') : t('invite.cardLabel')}</p>
      <h3 className="invitation-title">{title}</h3>
      <dl className="invitation-facts">
        {event.start ? (
          <>
            <dt>{t('invite.when')}</dt>
            <dd>
              <span data-testid="invitation-time">
                {timeRange(event.start, event.end, t, i18n.language, timeZone)}
              </span>
              {event.start.original ? (
                <span className="invitation-original muted">
                  {' '}
                  (
                  {t('invite.originalZone', {
                    time: originalText(event.start.original.local),
                    zone: event.start.original.zone,
                  })}
                  )
                </span>
              ) : null}
              {event.recurrence ? (
                <span className="invitation-recurrence">{recurrenceText(event.recurrence, t)}</span>
              ) : null}
            </dd>
          </>
        ) : null}
        {event.location ? (
          <>
            <dt>{t('invite.where')}</dt>
            <dd>{event.location}</dd>
          </>
        ) : null}
        {event.organizer ? (
          <>
            <dt>{t('invite.organizer')}</dt>
            <dd>{personText(event.organizer)}</dd>
          </>
        ) : null}
        {event.attendees.length > 0 ? (
          <>
            <dt>{t('invite.attendees')}</dt>
            <dd>
              <ul className="invitation-attendees">
                {event.attendees.map((a) => (
                  <li key={`${a.address} ${a.name}`}>
                    <AttendeeLine attendee={a} />
                  </li>
                ))}
                {hidden > 0 ? (
                  <li className="muted">{t('invite.moreAttendees', { count: hidden })}</li>
                ) : null}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      {event.description ? <p className="invitation-description">{event.description}</p> : null}
      {event.cancelled ? null : (
        <div className="invitation-actions">
          {answerable && !organizerIsMe ? (
            <fieldset className="invitation-answers">
              <legend className="sr-only">{t('invite.answerLabel')}</legend>
              {ANSWERS.map(({ answer: value, label }) => (
                <button
                  key={value}
                  type="button"
                  className={`button${shown === value ? ' button-primary' : ''}`}
                  aria-pressed={shown === value}
                  disabled={send.isPending}
                  onClick={() => send.mutate(value)}
                >
                  {t(label)}
                </button>
              ))}
            </fieldset>
          ) : null}
          <a className="button" href={invitationFileUrl(mailbox, uid)} download>
            {t('invite.addToCalendar')}
          </a>
        </div>
      )}
      <div className="invitation-status" role="status">
        {send.isPending
          ? t('invite.sending')
          : shown && !event.cancelled
            ? t(`invite.answered.${shown}`)
            : null}
        {send.data && !send.data.sentCopySaved ? ` ${t('invite.sentCopyMissing')}` : null}
      </div>
      {send.isError ? (
        <p className="invitation-error" role="alert">
          {errorMessage(send.error)}
        </p>
      ) : null}
      {answerable && !organizerIsMe && !invited && !shown ? (
        <p className="invitation-note muted">{t('invite.notInvited')}</p>
      ) : null}
    </section>
  );
}

function personText(p: { name: string; address: string }) {
  if (p.name && p.address && p.name.toLowerCase() !== p.address) return `${p.name} <${p.address}>`;
  return p.name || p.address;
}

function AttendeeLine({ attendee }: { attendee: InvitationAttendee }) {
  const { t } = useTranslation();
  const status = t(`invite.partstat.${attendee.partstat}`);
  return (
    <>
      <span className="invitation-person">{attendee.name || attendee.address}</span>{' '}
      <span className={`invitation-partstat partstat-${attendee.partstat} muted`}>
        ({attendee.optional ? `${t('invite.optional')}, ` : ''}
        {status})
      </span>
    </>
  );
}
