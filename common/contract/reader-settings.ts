import { z } from 'zod';

/**
 * Where the reader goes after the open message was archived, moved or deleted: back to the list
 * (the default, so nothing is opened — and marked read — that the user did not choose), or on to
 * the next or previous message of the list.
 */
export const AfterMessageAction = z.enum(['list', 'next', 'previous']);
export type AfterMessageAction = z.infer<typeof AfterMessageAction>;
