import { z } from 'zod';

/** What the SPA needs to know of the deployment before login: names and the regulation's limits. */
export const PublicConfig = z
  .object({
    orgName: z.string(),
    productName: z.string(),
    mailDomain: z.string(),
    supportAddress: z.string(),
    /** AGPL §13: where the source of this version is offered (an address, or a path on this host). */
    sourceUrl: z.string(),
    defaultLocale: z.enum(['vi', 'en']),
    timeZone: z.string(),
    limits: z.object({
      attachmentMaxBytes: z.number().int().positive(),
      undoSendSeconds: z.number().int().min(0),
      passwordMinLength: z.number().int().positive(),
      passwordMaxAgeDays: z.number().int().positive(),
    }),
  })
  .meta({ id: 'PublicConfig' });
export type PublicConfig = z.infer<typeof PublicConfig>;
