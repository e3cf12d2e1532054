import { z } from 'zod';

export const QuotaInfo = z
  .object({
    /** Bytes in use; null when the provider reports no storage quota. */
    usedBytes: z.number().int().nonnegative().nullable(),
    limitBytes: z.number().int().positive().nullable(),
    /** Đ7.2c: ok below 80 %, then notice, warning (90 %), critical (98 %) — thresholds configurable. */
    level: z.enum(['ok', 'notice', 'warning', 'critical']),
  })
  .meta({ id: 'QuotaInfo' });
export type QuotaInfo = z.infer<typeof QuotaInfo>;
