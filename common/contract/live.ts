import { z } from 'zod';
import { Address } from './messages';
import { QuotaInfo } from './quota';

/**
 * What GET /api/events (text/event-stream) sends: one SSE event per change, the event name equal
 * to `type` and the data the JSON of the whole object. Everything here is a hint to refresh or
 * patch what the client already caches; the lists and counts stay the proxy's answers.
 */

/** A folder's counts changed: new or removed messages, or flags (read, starred) set elsewhere. */
export const MailboxChangedEvent = z
  .object({
    type: z.literal('mailbox_changed'),
    path: z.string(),
    exists: z.number().int().nonnegative().optional(),
    unseen: z.number().int().nonnegative().optional(),
  })
  .meta({ id: 'MailboxChangedEvent' });

/** An unread message arrived in INBOX (at most a few per burst; the counts tell the rest). */
export const NewMailEvent = z
  .object({
    type: z.literal('new_mail'),
    path: z.string(),
    uid: z.number().int().positive(),
    from: Address.nullable(),
    subject: z.string(),
  })
  .meta({ id: 'NewMailEvent' });

export const QuotaChangedEvent = z
  .object({ type: z.literal('quota_changed'), quota: QuotaInfo })
  .meta({ id: 'QuotaChangedEvent' });

/** A folder was created, renamed or deleted in another client: the folder list is stale. */
export const FoldersChangedEvent = z
  .object({ type: z.literal('folders_changed') })
  .meta({ id: 'FoldersChangedEvent' });

/**
 * The stream watches the mailbox from now on (sent when a stream starts, and after the proxy lost
 * the mailbox for a while): changes before it may have been missed, what is shown is reloaded.
 */
export const ResyncEvent = z.object({ type: z.literal('resync') }).meta({ id: 'ResyncEvent' });

/** The session behind this stream ended (log-out, expiry, password changed elsewhere). */
export const SessionEndedEvent = z
  .object({ type: z.literal('session_ended') })
  .meta({ id: 'SessionEndedEvent' });

export const LiveEvent = z
  .discriminatedUnion('type', [
    MailboxChangedEvent,
    NewMailEvent,
    QuotaChangedEvent,
    FoldersChangedEvent,
    ResyncEvent,
    SessionEndedEvent,
  ])
  .meta({ id: 'LiveEvent' });
export type LiveEvent = z.infer<typeof LiveEvent>;
export type LiveEventType = LiveEvent['type'];

export const liveEventTypes = [
  'mailbox_changed',
  'new_mail',
  'quota_changed',
  'folders_changed',
  'resync',
  'session_ended',
] as const satisfies readonly LiveEventType[];
