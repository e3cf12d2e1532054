import { z } from 'zod';

/**
 * A meeting invitation ("Giấy mời họp") read from a message's text/calendar part (iTIP, RFC 5546).
 * Every field is plain text: the client shows it as text, never as markup.
 */

export const invitationAnswers = ['accepted', 'declined', 'tentative'] as const;
/** What the user answered (iCalendar PARTSTAT, lower case). */
export const InvitationAnswer = z.enum(invitationAnswers);
export type InvitationAnswer = z.infer<typeof InvitationAnswer>;

export const InvitationPartstat = z.enum(['needs-action', 'accepted', 'declined', 'tentative', 'delegated']);
export type InvitationPartstat = z.infer<typeof InvitationPartstat>;

export const InvitationTime = z.object({
  /** Timed: the instant (ISO 8601, UTC). All-day: the date itself, yyyy-MM-dd. */
  iso: z.string(),
  allDay: z.boolean(),
  /**
   * The sender's own wall clock and zone name when it differs from Viet Nam's
   * ("2026-11-30T09:00", "Romance Standard Time"); null for UTC, Viet Nam's zone and all-day.
   */
  original: z.object({ local: z.string(), zone: z.string() }).nullable(),
});
export type InvitationTime = z.infer<typeof InvitationTime>;

export const InvitationPerson = z.object({ name: z.string(), address: z.string() });
export type InvitationPerson = z.infer<typeof InvitationPerson>;

export const InvitationAttendee = InvitationPerson.extend({
  partstat: InvitationPartstat,
  /** OPT-PARTICIPANT / NON-PARTICIPANT: invited for information. */
  optional: z.boolean(),
});
export type InvitationAttendee = z.infer<typeof InvitationAttendee>;

/** RRULE as a summary (never expanded: a rule can describe millions of occurrences). */
export const InvitationRecurrence = z.object({
  freq: z.enum(['daily', 'weekly', 'monthly', 'yearly', 'other']),
  interval: z.number().int().positive(),
  count: z.number().int().positive().nullable(),
  /** The last day (yyyy-MM-dd, Viet Nam) the event may recur on. */
  until: z.string().nullable(),
  /** Weekdays as iCalendar writes them (MO, TU … SU), ordinal prefixes dropped. */
  byDay: z.array(z.enum(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'])),
});
export type InvitationRecurrence = z.infer<typeof InvitationRecurrence>;

export const InvitationEvent = z.object({
  /** iTIP method of the calendar object: REQUEST, CANCEL, REPLY, PUBLISH … */
  method: z.string(),
  uid: z.string(),
  sequence: z.number().int().nonnegative(),
  title: z.string(),
  start: InvitationTime.nullable(),
  end: InvitationTime.nullable(),
  recurrence: InvitationRecurrence.nullable(),
  location: z.string(),
  description: z.string(),
  organizer: InvitationPerson.nullable(),
  /** The first attendees only (see attendeeCount for how many there are). */
  attendees: z.array(InvitationAttendee),
  attendeeCount: z.number().int().nonnegative(),
  /** METHOD:CANCEL or STATUS:CANCELLED: the meeting will not take place. */
  cancelled: z.boolean(),
});
export type InvitationEvent = z.infer<typeof InvitationEvent>;

export const invitationProblems = ['too_large', 'unreadable'] as const;

export const MessageInvitation = z
  .object({
    /** Null when the calendar could not be read: the reader then shows a quiet note, no card. */
    event: InvitationEvent.nullable(),
    problem: z.enum(invitationProblems).nullable(),
    /** The answer this mailbox already sent, remembered on the message itself (an IMAP keyword). */
    answer: InvitationAnswer.nullable(),
  })
  .meta({ id: 'MessageInvitation' });
export type MessageInvitation = z.infer<typeof MessageInvitation>;

/** Answering an invitation: an iTIP REPLY to the organiser, sent like any other message. */
export const InvitationReplyRequest = z
  .object({
    /** Idempotency key of the send, made by the client for each answer it sends. */
    composeId: z.uuid(),
    answer: InvitationAnswer,
  })
  .meta({ id: 'InvitationReplyRequest' });
export type InvitationReplyRequest = z.infer<typeof InvitationReplyRequest>;

export const InvitationReplyResult = z
  .object({
    answer: InvitationAnswer,
    /** False when the mailbox is full (Đ7.2c): the answer went, its copy in Sent could not be kept. */
    sentCopySaved: z.boolean(),
  })
  .meta({ id: 'InvitationReplyResult' });
export type InvitationReplyResult = z.infer<typeof InvitationReplyResult>;
