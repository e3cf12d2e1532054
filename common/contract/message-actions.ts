import { z } from 'zod';
import { MailboxName } from './imap-values';
import { MessageTarget } from './messages';

const oneTarget = (t: { uids?: number[] | undefined; all?: true | undefined }) =>
  (t.uids !== undefined) !== (t.all === true);

/** Where a move goes: a folder path, or a special folder found by its SPECIAL-USE flag. */
export const MoveRequest = MessageTarget.extend({
  destination: MailboxName.optional(),
  special: z.enum(['archive', 'trash', 'junk', 'inbox']).optional(),
})
  .refine(oneTarget, { message: 'uids_or_all' })
  .refine((m) => (m.destination === undefined) !== (m.special === undefined), {
    message: 'destination_or_special',
  })
  .meta({ id: 'MoveRequest' });
export type MoveRequest = z.input<typeof MoveRequest>;

/** Delete: to Trash, or for good when the messages already are in Trash (or Junk). */
export const DeleteRequest = MessageTarget.refine(oneTarget, { message: 'uids_or_all' }).meta({
  id: 'DeleteRequest',
});
export type DeleteRequest = z.input<typeof DeleteRequest>;

export const MoveResult = z
  .object({
    source: z.string(),
    /** Null when the messages were deleted for good. */
    destination: z.string().nullable(),
    count: z.number().int().nonnegative(),
    /** The moved messages' UIDs in the source and, same order, in the destination (COPYUID). */
    uids: z.array(z.number().int().positive()),
    newUids: z.array(z.number().int().positive()),
  })
  .meta({ id: 'MoveResult' });
export type MoveResult = z.infer<typeof MoveResult>;

export const EmptyResult = z.object({ count: z.number().int().nonnegative() }).meta({ id: 'EmptyResult' });
export type EmptyResult = z.infer<typeof EmptyResult>;

/** Emptying a folder takes no options: the client sends `{}`, and a request without a body is fine too. */
export const EmptyRequest = z.object({}).optional();
