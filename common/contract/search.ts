import { z } from 'zod';
import { MailboxName } from './imap-values';
import { Address, MessageFlags } from './messages';
import { QueryFlag } from './route';

/** A calendar day, YYYY-MM-DD, that exists (no 31/02): the client turns dd/MM/yyyy into this. */
const CalendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return (
      y >= 1970 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    );
  });

const SearchText = z.string().trim().max(200).optional();

/**
 * GET /api/search. Every text criterion is matched without regard to case or diacritics
 * ("cong van" finds "Công văn", "dien tu" finds "điện tử"): words must all occur, "quoted words"
 * must occur together. `q` looks in sender, recipients, subject, body and attachment names.
 */
export const SearchQuery = z
  .object({
    q: SearchText,
    from: SearchText,
    /** To and Cc. */
    to: SearchText,
    subject: SearchText,
    body: SearchText,
    /** First day included, in the deployment's time zone. */
    since: CalendarDay.optional(),
    /** First day no longer included (IMAP's BEFORE): "up to 30/11" is before=2026-12-01. */
    before: CalendarDay.optional(),
    hasAttachment: QueryFlag,
    unread: QueryFlag,
    /** One folder; absent = every folder, Trash and Junk included (each hit names its folder). */
    mailbox: MailboxName.optional(),
    /** nextCursor of the previous page, with the same criteria. */
    cursor: z.string().max(20_000).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .superRefine((q, ctx) => {
    if (q.since && q.before && q.since >= q.before)
      ctx.addIssue({ code: 'custom', path: ['before'], message: 'before_not_after_since' });
    const hasCriterion =
      [q.q, q.from, q.to, q.subject, q.body, q.since, q.before].some((v) => v) || q.hasAttachment || q.unread;
    if (!hasCriterion) ctx.addIssue({ code: 'custom', path: ['q'], message: 'no_criteria' });
  });
export type SearchQuery = z.input<typeof SearchQuery>;
export type SearchCriteria = z.output<typeof SearchQuery>;

export const SearchHit = z
  .object({
    mailbox: z.string(),
    uid: z.number().int().positive(),
    from: Address.nullable(),
    to: z.array(Address),
    subject: z.string(),
    /** Header date (ISO 8601, UTC), the one the message list shows. */
    date: z.string(),
    flags: MessageFlags,
    size: z.number().int().nonnegative(),
    hasAttachments: z.boolean(),
    /** Text around the first match in the body, else the body's first words. */
    preview: z.string(),
  })
  .meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchPage = z
  .object({
    /** Newest first. A page may hold fewer hits than asked, even none, while nextCursor is set. */
    hits: z.array(SearchHit),
    /** Absent when every message in scope has been looked at. */
    nextCursor: z.string().nullable(),
    /** Messages looked at so far (all pages), and still to look at: for a progress line. */
    scanned: z.number().int().nonnegative(),
    remaining: z.number().int().nonnegative(),
  })
  .meta({ id: 'SearchPage' });
export type SearchPage = z.infer<typeof SearchPage>;
