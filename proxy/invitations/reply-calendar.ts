import ICAL from 'ical.js';
import type { InvitationAnswer, InvitationTime } from '../../common/contract';
import type { ParsedInvitation } from './parse-invitation';

/**
 * Pure: the iTIP REPLY (RFC 5546 §3.2.3) an attendee sends to the organiser: METHOD:REPLY, the
 * event's UID, SEQUENCE and RECURRENCE-ID, the ORGANIZER, and one ATTENDEE — this mailbox — with
 * its PARTSTAT. DTSTAMP is when the answer was made (RFC 5545 §3.8.7.2 for a METHOD object): an
 * organiser who gets two answers from one attendee keeps the later by it. DTSTART/DTEND/SUMMARY
 * are copied (in UTC) so that a client that shows replies can say which meeting it is.
 */

const PARTSTAT: Record<InvitationAnswer, string> = {
  accepted: 'ACCEPTED',
  declined: 'DECLINED',
  tentative: 'TENTATIVE',
};

export interface ReplyInput {
  invitation: ParsedInvitation;
  attendee: { address: string; name: string | null };
  answer: InvitationAnswer;
  now: Date;
  prodId: string;
}

const utcStamp = (date: Date) => ICAL.Time.fromJSDate(date, true);

function timeValue(time: InvitationTime) {
  if (time.allDay) return ICAL.Time.fromDateString(time.iso);
  return utcStamp(new Date(time.iso));
}

export function replyCalendar({ invitation, attendee, answer, now, prodId }: ReplyInput): string {
  const { event, recurrenceId } = invitation;
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('prodid', prodId);
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('method', 'REPLY');
  const vevent = new ICAL.Component('vevent');
  vevent.addPropertyWithValue('uid', event.uid);
  vevent.addPropertyWithValue('sequence', event.sequence);
  vevent.addPropertyWithValue('dtstamp', utcStamp(now));
  if (recurrenceId) vevent.addPropertyWithValue('recurrence-id', timeValue(recurrenceId));
  if (event.start) vevent.addPropertyWithValue('dtstart', timeValue(event.start));
  if (event.end) vevent.addPropertyWithValue('dtend', timeValue(event.end));
  if (event.title) vevent.addPropertyWithValue('summary', event.title);
  if (event.organizer?.address) {
    const organizer = vevent.addPropertyWithValue('organizer', `mailto:${event.organizer.address}`);
    if (event.organizer.name) organizer.setParameter('cn', event.organizer.name);
  }
  const who = vevent.addPropertyWithValue('attendee', `mailto:${attendee.address}`);
  who.setParameter('partstat', PARTSTAT[answer]);
  if (attendee.name) who.setParameter('cn', attendee.name);
  calendar.addSubcomponent(vevent);
  return `${calendar.toString()}\r\n`;
}
