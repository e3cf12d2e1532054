import { sql } from 'kysely';
import type { AppContext } from '../../app-context';
import type { FreshMailbox } from '../fresh-mailbox';

/**
 * What a refused request must leave as it was: the mailbox's folders with their STATUS and flag
 * counts, read on a connection of the test's own (not the proxy's pooled one), and the number of
 * rows in every table of the store.
 */
export interface WorldSnapshot {
  folders: Record<
    string,
    { messages: number; uidNext: number; unseen: number; flags: Record<string, number> }
  >;
  rows: Record<string, number>;
}

/**
 * Tables a refused request may legitimately write:
 * - audit_log: a refused action is audited with its outcome (Đ7.1 keeps the refusals too);
 * - job_runs: written by the proxy's own timers (upload clean-up…), not by any request.
 */
const WRITTEN_BY_REFUSALS = new Set(['audit_log', 'job_runs']);

export async function takeSnapshot(mailbox: FreshMailbox, ctx: AppContext): Promise<WorldSnapshot> {
  const folders = await mailbox.imap(async (client) => {
    const out: WorldSnapshot['folders'] = {};
    for (const folder of await client.list()) {
      if (folder.flags.has('\\Noselect')) continue;
      const status = await client.status(folder.path, { messages: true, uidNext: true, unseen: true });
      if (!status) throw new Error(`STATUS ${folder.path} failed`);
      const flags: Record<string, number> = {};
      if ((status.messages ?? 0) > 0) {
        const lock = await client.getMailboxLock(folder.path, { readOnly: true });
        try {
          for await (const m of client.fetch('1:*', { flags: true })) {
            for (const f of m.flags ?? []) flags[f] = (flags[f] ?? 0) + 1;
          }
        } finally {
          lock.release();
        }
      }
      out[folder.path] = {
        messages: status.messages ?? 0,
        uidNext: status.uidNext ?? 0,
        unseen: status.unseen ?? 0,
        flags,
      };
    }
    return out;
  });
  const rows: Record<string, number> = {};
  for (const table of await ctx.store.db.introspection.getTables()) {
    if (WRITTEN_BY_REFUSALS.has(table.name) || table.name.startsWith('kysely_')) continue;
    const result = await sql<{
      n: number | string;
    }>`select count(*) as n from ${sql.table(table.name)}`.execute(ctx.store.db);
    rows[table.name] = Number(result.rows[0]?.n ?? 0);
  }
  return { folders, rows };
}
