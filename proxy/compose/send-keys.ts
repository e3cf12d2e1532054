import type { SendResult } from '../../common/contract';
import type { StoreDb } from '../store/open-store';

const STALE_SENDING_MS = 2 * 60_000;

export type SendClaim = { state: 'claimed' } | { state: 'sent'; result: SendResult } | { state: 'busy' };

/**
 * One row per compose window that tried to send: a retried request with the same composeId gets
 * the first result back instead of a second copy in every recipient's inbox — also when the retry
 * reaches another instance at the same moment, since the claim is decided by the store alone.
 */
export function createSendKeys(db: StoreDb, now: () => number = Date.now) {
  const finish = (email: string, key: string, state: 'sent' | 'failed', result: SendResult | null) =>
    db
      .updateTable('send_keys')
      .set({
        state,
        message_id: result?.messageId ?? null,
        result: result ? JSON.stringify(result) : null,
      })
      .where('email', '=', email)
      .where('key', '=', key)
      .execute();

  return {
    /** 'claimed' to go ahead, the earlier result when already sent, 'busy' while another try runs. */
    async claim(email: string, key: string): Promise<SendClaim> {
      const at = now();
      // One statement each, so that of two requests racing for the key exactly one changes a row:
      // the first try inserts it; a retry after a failure, or after a try that died mid-send,
      // takes it over only while it is still in that state.
      const inserted = await db
        .insertInto('send_keys')
        .values({ email, key, state: 'sending', message_id: null, result: null, created_at: at })
        .onConflict((oc) => oc.columns(['email', 'key']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return { state: 'claimed' };
      const retaken = await db
        .updateTable('send_keys')
        .set({ state: 'sending', created_at: at })
        .where('email', '=', email)
        .where('key', '=', key)
        .where((eb) =>
          eb.or([
            eb('state', '=', 'failed'),
            eb.and([eb('state', '=', 'sending'), eb('created_at', '<', at - STALE_SENDING_MS)]),
          ]),
        )
        .executeTakeFirst();
      if (Number(retaken.numUpdatedRows) > 0) return { state: 'claimed' };
      const row = await db
        .selectFrom('send_keys')
        .select(['state', 'result'])
        .where('email', '=', email)
        .where('key', '=', key)
        .executeTakeFirst();
      if (row?.state === 'sent' && row.result)
        return { state: 'sent', result: JSON.parse(row.result) as SendResult };
      return { state: 'busy' };
    },
    async sent(email: string, key: string, result: SendResult): Promise<void> {
      await finish(email, key, 'sent', result);
    },
    async failed(email: string, key: string): Promise<void> {
      await finish(email, key, 'failed', null);
    },
    async purgeOlderThan(ms: number): Promise<number> {
      const result = await db
        .deleteFrom('send_keys')
        .where('created_at', '<', now() - ms)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type SendKeys = ReturnType<typeof createSendKeys>;
