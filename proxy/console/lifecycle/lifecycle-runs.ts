import type { StoreDb } from '../../store/open-store';
import type { LifecycleRun, RunAction } from './lifecycle-job';

/** Each run of the daily job (Đ5.3b, Đ6.2a), dry or not, with every action's outcome. */
export function createLifecycleRuns(db: StoreDb, now: () => Date = () => new Date()) {
  return {
    /** Keeps a run; returns it with its id and time. */
    async record(run: { dryRun: boolean; actor: string; actions: RunAction[] }): Promise<LifecycleRun> {
      const ranAt = now();
      const { id } = await db
        .insertInto('lifecycle_runs')
        .values({
          ran_at: ranAt.getTime(),
          dry_run: run.dryRun ? 1 : 0,
          actor: run.actor,
          actions: JSON.stringify(run.actions),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: Number(id), ranAt, ...run };
    },

    /** The latest runs, newest first. */
    async list(limit = 30): Promise<LifecycleRun[]> {
      const rows = await db
        .selectFrom('lifecycle_runs')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: Number(r.id),
        ranAt: new Date(r.ran_at),
        dryRun: r.dry_run === 1,
        actor: r.actor,
        actions: JSON.parse(r.actions) as RunAction[],
      }));
    },
  };
}

export type LifecycleRuns = ReturnType<typeof createLifecycleRuns>;
