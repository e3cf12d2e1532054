import type { StoreDb } from '../store/open-store';

export interface JobRun {
  job: string;
  slot: string;
  instance: string;
  startedAt: number;
  finishedAt: number | null;
  outcome: string | null;
}

/**
 * Background jobs run once per slot across every instance sharing the store. The claim is one
 * INSERT of the (job, slot) row: the database decides who was first, on SQLite and PostgreSQL
 * alike, with no clock agreement needed beyond the slot. A claim left unfinished for longer than
 * its lease (the instance died mid-run) may be taken over once by another instance.
 */
export function createJobRuns(db: StoreDb, instance: string, now: () => number = Date.now) {
  async function claim(job: string, slot: string, leaseMs: number): Promise<boolean> {
    const at = now();
    const inserted = await db
      .insertInto('job_runs')
      .values({ job, slot, instance, started_at: at })
      .onConflict((oc) => oc.columns(['job', 'slot']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return true;
    const takenOver = await db
      .updateTable('job_runs')
      .set({ instance, started_at: at, outcome: 'taken_over' })
      .where('job', '=', job)
      .where('slot', '=', slot)
      .where('finished_at', 'is', null)
      .where('started_at', '<', at - leaseMs)
      .executeTakeFirst();
    return Number(takenOver.numUpdatedRows) === 1;
  }

  async function finish(job: string, slot: string, outcome: string): Promise<void> {
    await db
      .updateTable('job_runs')
      .set({ finished_at: now(), outcome })
      .where('job', '=', job)
      .where('slot', '=', slot)
      .where('instance', '=', instance)
      .execute();
  }

  return {
    instance,
    claim,
    finish,

    /**
     * Runs `work` if this instance wins the slot; 'skipped' when another instance has it. The
     * outcome ('ok' or the error's message) is written back; the error is rethrown for the caller.
     */
    async runOnce<T>(
      job: string,
      slot: string,
      leaseMs: number,
      work: () => Promise<T>,
    ): Promise<{ ran: true; result: T } | { ran: false }> {
      if (!(await claim(job, slot, leaseMs))) return { ran: false };
      try {
        const result = await work();
        await finish(job, slot, 'ok');
        return { ran: true, result };
      } catch (err) {
        await finish(
          job,
          slot,
          `failed: ${err instanceof Error ? err.message : String(err)}`.slice(0, 500),
        ).catch(() => undefined);
        throw err;
      }
    },

    async recent(job: string, limit = 20): Promise<JobRun[]> {
      const rows = await db
        .selectFrom('job_runs')
        .selectAll()
        .where('job', '=', job)
        .orderBy('started_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        job: r.job,
        slot: r.slot,
        instance: r.instance,
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        outcome: r.outcome,
      }));
    },

    async purgeOlderThan(ms: number): Promise<number> {
      const res = await db
        .deleteFrom('job_runs')
        .where('started_at', '<', now() - ms)
        .executeTakeFirst();
      return Number(res.numDeletedRows);
    },
  };
}

export type JobRuns = ReturnType<typeof createJobRuns>;
