import ICAL from 'ical.js';
import type {
  InvitationAttendee,
  InvitationEvent,
  InvitationPartstat,
  InvitationPerson,
  InvitationRecurrence,
  InvitationTime,
  MessageInvitation,
} from '../../common/contract';
import { calendarTime, untilDate } from './calendar-time';
import { plainCalendarText } from './plain-text';

/**
 * Pure: a text/calendar part as the card the reader shows. Bounded — a calendar larger than
 * INVITATION_MAX_BYTES is not parsed, at most MAX_ATTENDEES are listed, texts are cut — and a
 * calendar ical.js cannot read is a problem to mention quietly, never an error of the message.
 * X-ALT-DESC (Outlook's HTML description) is never read: DESCRIPTION is the text.
 */

export const INVITATION_MAX_BYTES = 512 * 1024;
export const MAX_ATTENDEES = 50;
const TITLE_MAX = 500;
const LOCATION_MAX = 500;
const DESCRIPTION_MAX = 5000;
const ADDRESS = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]+$/;

type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;

/** What answering needs beyond the card: the instance answered (RECURRENCE-ID), as written. */
export interface ParsedInvitation {
  event: InvitationEvent;
  recurrenceId: InvitationTime | null;
}

export function readInvitation(text: string, methodHint: string | null = null): MessageInvitation {
  if (Buffer.byteLength(text, 'utf8') > INVITATION_MAX_BYTES)
    return { event: null, problem: 'too_large', answer: null };
  const parsed = parseInvitation(text, methodHint);
  return parsed
    ? { event: parsed.event, problem: null, answer: null }
    : { event: null, problem: 'unreadable', answer: null };
}

export function parseInvitation(text: string, methodHint: string | null = null): ParsedInvitation | null {
  if (Buffer.byteLength(text, 'utf8') > INVITATION_MAX_BYTES) return null;
  try {
    const calendar = firstCalendar(ICAL.parse(text));
    if (!calendar) return null;
    dropUnsafeTimezones(calendar);
    const events = calendar.getAllSubcomponents('vevent');
    const vevent = events.find((e) => !e.hasProperty('recurrence-id')) ?? events[0];
    if (!vevent) return null;
    const method = textOf(calendar.getFirstPropertyValue('method')) || (methodHint ?? '');
    const uid = textOf(vevent.getFirstPropertyValue('uid'));
    if (!uid) return null;
    const allAttendees = vevent.getAllProperties('attendee');
    const status = textOf(vevent.getFirstPropertyValue('status')).toUpperCase();
    const upperMethod = plainCalendarText(method, 20).toUpperCase();
    const start = timeOf(vevent.getFirstProperty('dtstart'));
    const event: InvitationEvent = {
      method: upperMethod,
      uid: plainCalendarText(uid, 1000),
      sequence: sequenceOf(vevent.getFirstPropertyValue('sequence')),
      title: plainCalendarText(textOf(vevent.getFirstPropertyValue('summary')), TITLE_MAX),
      start,
      end: endOf(vevent, start),
      recurrence: recurrenceOf(vevent.getFirstProperty('rrule')),
      location: plainCalendarText(textOf(vevent.getFirstPropertyValue('location')), LOCATION_MAX),
      description: plainCalendarText(
        textOf(vevent.getFirstPropertyValue('description')),
        DESCRIPTION_MAX,
        true,
      ),
      organizer: personOf(vevent.getFirstProperty('organizer')),
      attendees: allAttendees.slice(0, MAX_ATTENDEES).map(attendeeOf),
      attendeeCount: allAttendees.length,
      cancelled: upperMethod === 'CANCEL' || status === 'CANCELLED',
    };
    const rid = vevent.getFirstProperty('recurrence-id');
    return { event, recurrenceId: rid ? recurrenceIdOf(rid) : null };
  } catch {
    return null;
  }
}

function firstCalendar(jcal: unknown): Component | null {
  if (!Array.isArray(jcal)) return null;
  // Several calendars in one part come back as an array of them.
  const first = Array.isArray(jcal[0]) ? jcal[0] : jcal;
  const root = new ICAL.Component(first as unknown[]);
  return root.name === 'vcalendar' ? root : null;
}

/**
 * A VTIMEZONE is run by ical.js to convert times: a rule other than yearly (FREQ=SECONDLY from
 * 1601) or a flood of RDATEs would make it expand millions of transitions. Such a zone is
 * dropped, and the TZID is then read by name like any other unknown zone.
 */
export function dropUnsafeTimezones(calendar: Component) {
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    const rules = zone.getAllSubcomponents();
    const safe =
      rules.length <= 20 &&
      rules.every((rule) => {
        const rrules = rule.getAllProperties('rrule');
        const rdates = rule.getAllProperties('rdate');
        return (
          rrules.length <= 1 &&
          rdates.length <= 20 &&
          rrules.every((r) => String((r.getFirstValue() as { freq?: string })?.freq ?? '') === 'YEARLY')
        );
      });
    if (!safe) calendar.removeSubcomponent(zone);
  }
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : String(value);
}

function sequenceOf(value: unknown): number {
  const n = typeof value === 'number' ? value : Number.parseInt(textOf(value), 10);
  return Number.isInteger(n) && n >= 0 && n < 2 ** 31 ? n : 0;
}

function tzidOf(prop: Property): string | null {
  const tzid = prop.getParameter('tzid');
  return typeof tzid === 'string' ? tzid : null;
}

function timeOf(prop: Property | null) {
  if (!prop) return null;
  const value = prop.getFirstValue();
  if (!(value instanceof ICAL.Time)) return null;
  return calendarTime(value, tzidOf(prop));
}

function endOf(vevent: Component, start: InvitationEvent['start']) {
  const dtend = timeOf(vevent.getFirstProperty('dtend'));
  if (dtend || !start) return dtend;
  const duration = vevent.getFirstPropertyValue('duration');
  const dtstart = vevent.getFirstPropertyValue('dtstart');
  if (!(duration instanceof ICAL.Duration) || !(dtstart instanceof ICAL.Time)) return null;
  if (start.allDay) return null;
  const seconds = duration.toSeconds();
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 366 * 86_400) return null;
  return {
    iso: new Date(Date.parse(start.iso) + seconds * 1000).toISOString(),
    allDay: false,
    original: null,
  };
}

const FREQS = { DAILY: 'daily', WEEKLY: 'weekly', MONTHLY: 'monthly', YEARLY: 'yearly' } as const;
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

function recurrenceOf(prop: Property | null): InvitationRecurrence | null {
  if (!prop) return null;
  const rule = prop.getFirstValue();
  if (!(rule instanceof ICAL.Recur)) return null;
  const freq = FREQS[rule.freq as keyof typeof FREQS] ?? 'other';
  const byDayRaw = (rule.parts as { BYDAY?: unknown }).BYDAY;
  const byDay = (Array.isArray(byDayRaw) ? byDayRaw : byDayRaw ? [byDayRaw] : [])
    .map((d) =>
      String(d)
        .replace(/^[+-]?\d+/, '')
        .toUpperCase(),
    )
    .filter((d): d is (typeof WEEKDAYS)[number] => (WEEKDAYS as readonly string[]).includes(d));
  const interval = Number.isInteger(rule.interval) && rule.interval > 0 ? Math.min(rule.interval, 1000) : 1;
  const count = typeof rule.count === 'number' && rule.count > 0 ? Math.min(rule.count, 100_000) : null;
  return {
    freq,
    interval,
    count,
    until: rule.until ? untilDate(rule.until, null) : null,
    byDay: [...new Set(byDay)],
  };
}

function addressOf(prop: Property): string {
  const raw = textOf(prop.getFirstValue()).trim();
  const address = raw
    .replace(/^mailto:/i, '')
    .trim()
    .toLowerCase();
  return ADDRESS.test(address) && address.length <= 254 ? address : '';
}

function personOf(prop: Property | null): InvitationPerson | null {
  if (!prop) return null;
  const cn = prop.getParameter('cn');
  return { name: plainCalendarText(typeof cn === 'string' ? cn : '', 200), address: addressOf(prop) };
}

const PARTSTATS: Record<string, InvitationPartstat> = {
  'NEEDS-ACTION': 'needs-action',
  ACCEPTED: 'accepted',
  DECLINED: 'declined',
  TENTATIVE: 'tentative',
  DELEGATED: 'delegated',
};

function attendeeOf(prop: Property): InvitationAttendee {
  const partstat = String(prop.getParameter('partstat') ?? '').toUpperCase();
  const role = String(prop.getParameter('role') ?? '').toUpperCase();
  return {
    ...personOf(prop)!,
    partstat: PARTSTATS[partstat] ?? 'needs-action',
    optional: role === 'OPT-PARTICIPANT' || role === 'NON-PARTICIPANT',
  };
}

function recurrenceIdOf(prop: Property): InvitationTime | null {
  const value = prop.getFirstValue();
  return value instanceof ICAL.Time ? calendarTime(value, tzidOf(prop)) : null;
}
