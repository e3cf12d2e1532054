import type { SendResult } from '../../common/contract';
import type { Db } from '../store/database';

const STALE_SENDING_MS = 2 * 60_000;

/**
 * One row per compose window that tried to send: a retried request with the same composeId gets
 * the first result back instead of a second copy in every recipient's inbox.
 */
export function createSendKeys(db: Db, now: () => number = Date.now) {
  const get = db.prepare('SELECT state, result, created_at FROM send_keys WHERE email = ? AND key = ?');
  const claim = db.prepare(
    `INSERT INTO send_keys (email, key, state, created_at) VALUES (?, ?, 'sending', ?)
     ON CONFLICT(email, key) DO UPDATE SET state = 'sending', created_at = excluded.created_at
     WHERE send_keys.state = 'failed' OR (send_keys.state = 'sending' AND send_keys.created_at < ?)`,
  );
  const finish = db.prepare(
    'UPDATE send_keys SET state = ?, message_id = ?, result = ? WHERE email = ? AND key = ?',
  );
  const purge = db.prepare('DELETE FROM send_keys WHERE created_at < ?');

  return {
    /** 'claimed' to go ahead, the earlier result when already sent, 'busy' while another try runs. */
    claim(
      email: string,
      key: string,
    ): { state: 'claimed' } | { state: 'sent'; result: SendResult } | { state: 'busy' } {
      const at = now();
      const changed = claim.run(email, key, at, at - STALE_SENDING_MS).changes;
      if (changed > 0) return { state: 'claimed' };
      const row = get.get(email, key) as { state: string; result: string | null } | undefined;
      if (row?.state === 'sent' && row.result)
        return { state: 'sent', result: JSON.parse(row.result) as SendResult };
      return { state: 'busy' };
    },
    sent(email: string, key: string, result: SendResult): void {
      finish.run('sent', result.messageId, JSON.stringify(result), email, key);
    },
    failed(email: string, key: string): void {
      finish.run('failed', null, null, email, key);
    },
    purgeOlderThan(ms: number): number {
      return purge.run(now() - ms).changes;
    },
  };
}

export type SendKeys = ReturnType<typeof createSendKeys>;
