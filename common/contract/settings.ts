import { z } from 'zod';
import { AfterMessageAction } from './reader-settings';

/**
 * Per-user preferences, each field optional and stored on its own, so features add fields here
 * without a migration. A field missing (or no longer valid) means the feature's default.
 */
export const UserSettings = z
  .object({
    /** Message list: one row per conversation instead of one per message (default false). */
    conversationView: z.boolean().optional(),
    /** Compose: HTML inserted once into new messages, replies and forwards (sanitised when sent). */
    signature: z.string().max(10_240).optional(),
    /** Senders whose remote images show without asking ("always allow"), lower-case addresses. */
    alwaysAllowRemoteFrom: z
      .array(
        z
          .string()
          .max(320)
          .regex(/^[^\s@]+@[^\s@]+$/)
          .toLowerCase(),
      )
      .max(1000)
      .optional(),
    /** Reader: where to go after the open message leaves the folder (default 'list'). */
    afterMessageAction: AfterMessageAction.optional(),
  })
  .meta({ id: 'UserSettings' });
export type UserSettings = z.infer<typeof UserSettings>;
