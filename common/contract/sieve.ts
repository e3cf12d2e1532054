import { z } from 'zod';

/**
 * Out-of-office and filters, run by the provider's own Sieve engine (RFC 5228) at delivery. The
 * webmail keeps its rules as this structure; the proxy writes them into the one Sieve script the
 * webmail owns and reads them back from a JSON comment in that script.
 */

/** A day in Viet Nam, 'YYYY-MM-DD' (the form shows and reads dd/MM/yyyy). */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const VacationSettings = z
  .object({
    enabled: z.boolean(),
    /** First and last day (inclusive, Asia/Ho_Chi_Minh) the reply is sent; null: open-ended. */
    fromDay: Day.nullable(),
    untilDay: Day.nullable(),
    subject: z.string().trim().max(200),
    message: z.string().max(4000),
    /** RFC 5230 :days: one reply per sender per this many days. */
    days: z.number().int().min(1).max(30),
  })
  .meta({ id: 'VacationSettings' });
export type VacationSettings = z.infer<typeof VacationSettings>;

export const FilterCondition = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('from'), text: z.string().trim().min(1).max(200) }),
  z.object({ kind: z.literal('toCc'), text: z.string().trim().min(1).max(200) }),
  z.object({ kind: z.literal('subject'), text: z.string().trim().min(1).max(200) }),
  /** Larger than this many kilobytes. */
  z.object({ kind: z.literal('sizeOver'), kilobytes: z.number().int().min(1).max(1_000_000) }),
  z.object({ kind: z.literal('hasAttachment') }),
]);
export type FilterCondition = z.infer<typeof FilterCondition>;

export const FilterActions = z.object({
  /** Folder path ("/" separated) the message is filed into; null keeps it in Hộp thư đến. */
  moveTo: z.string().min(1).max(500).nullable(),
  markRead: z.boolean(),
  flag: z.boolean(),
  /** A copy is redirected there (never to a public free mail service: Đ12.9, Đ13.5). */
  forwardTo: z.string().trim().max(254).nullable(),
  /** No later filter runs for this message. */
  stop: z.boolean(),
});
export type FilterActions = z.infer<typeof FilterActions>;

export const MailFilter = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/),
    name: z.string().trim().min(1).max(100),
    enabled: z.boolean(),
    match: z.enum(['all', 'any']),
    conditions: z.array(FilterCondition).min(1).max(10),
    actions: FilterActions,
  })
  .meta({ id: 'MailFilter' });
export type MailFilter = z.infer<typeof MailFilter>;

export const SieveRules = z
  .object({
    vacation: VacationSettings,
    filters: z.array(MailFilter).max(100),
  })
  .meta({ id: 'SieveRules' });
export type SieveRules = z.infer<typeof SieveRules>;

export const SieveState = z
  .object({
    rules: SieveRules,
    /**
     * A script the user made in another mail program and activated there: the webmail keeps it
     * active and never overwrites it, so its own rules do not run until that one is switched off.
     */
    otherActiveScript: z.string().nullable(),
    /** Whether the webmail's own script is the one the server runs. */
    webmailScriptActive: z.boolean(),
  })
  .meta({ id: 'SieveState' });
export type SieveState = z.infer<typeof SieveState>;

export const DEFAULT_VACATION: VacationSettings = {
  enabled: false,
  fromDay: null,
  untilDay: null,
  subject: '',
  message: '',
  days: 7,
};
