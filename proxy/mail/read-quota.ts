import type { ImapFlow } from 'imapflow';
import type { QuotaInfo } from '../../common/contract';
import { type QuotaThresholds, quotaLevel } from '../policy/quota-level';

/** The user's storage quota from IMAP QUOTA (imapflow reports STORAGE in bytes). */
export async function readQuota(client: ImapFlow, thresholds: QuotaThresholds): Promise<QuotaInfo> {
  const quota = client.capabilities.has('QUOTA') ? await client.getQuota('INBOX') : false;
  const storage = quota ? quota.storage : undefined;
  const used = storage?.usage ?? null;
  const limit = storage?.limit && storage.limit > 0 ? storage.limit : null;
  return {
    usedBytes: used,
    limitBytes: limit,
    level: used !== null && limit !== null ? quotaLevel(used, limit, thresholds) : 'ok',
  };
}
