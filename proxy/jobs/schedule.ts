import type { FastifyBaseLogger } from 'fastify';
import type { Metrics } from '../ops/metrics';
import type { JobRuns } from './job-runs';
import { periodSlot } from './job-slot';

export interface ScheduledJob {
  name: string;
  /** When the next run is due, after `now` (ms since the epoch). */
  next(now: number): number;
  /** The slot a due time belongs to: one run per slot across every instance. */
  slot(dueAt: number): string;
  /** How long a claim holds before another instance may take over a run that never finished. */
  leaseMs: number;
  run(): Promise<unknown>;
}

/**
 * A job every `periodMs`, due at the same wall-clock moments on every instance (multiples of the
 * period, plus an offset), so that all instances compete for the same slot at the same time and
 * exactly one runs it, a whole period after the previous run.
 */
export function everyPeriod(
  name: string,
  periodMs: number,
  run: () => Promise<unknown>,
  offsetMs = 0,
): ScheduledJob {
  return {
    name,
    next: (now) => (Math.floor((now - offsetMs) / periodMs) + 1) * periodMs + offsetMs,
    slot: (dueAt) => periodSlot(dueAt - offsetMs, periodMs),
    leaseMs: periodMs,
    run,
  };
}

/**
 * Runs each job when it is due, once per slot across instances (JobRuns.runOnce). Every due time
 * is counted in bp_background_job_runs_total as ok, failed, or skipped (another instance ran it).
 * Timers never keep the process alive; stop() waits for the runs in progress.
 */
export function startSchedule(
  jobRuns: JobRuns,
  jobs: ScheduledJob[],
  deps: { metrics: Metrics; log: Pick<FastifyBaseLogger, 'info' | 'warn'>; now?: () => number },
) {
  const now = deps.now ?? Date.now;
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Set<Promise<unknown>>();
  let stopped = false;

  async function due(job: ScheduledJob, dueAt: number): Promise<void> {
    const slot = job.slot(dueAt);
    try {
      const outcome = await jobRuns.runOnce(job.name, slot, job.leaseMs, job.run);
      deps.metrics.jobRuns.inc({ job: job.name, outcome: outcome.ran ? 'ok' : 'skipped' });
      if (outcome.ran)
        deps.log.info({ job: job.name, slot, instance: jobRuns.instance }, 'background job ran');
    } catch (err) {
      deps.metrics.jobRuns.inc({ job: job.name, outcome: 'failed' });
      deps.log.warn({ err, job: job.name, slot, instance: jobRuns.instance }, 'background job failed');
    }
  }

  function plan(job: ScheduledJob): void {
    if (stopped) return;
    const at = job.next(now());
    const timer = setTimeout(
      () => {
        const run = due(job, at).finally(() => {
          running.delete(run);
          plan(job);
        });
        running.add(run);
      },
      Math.max(0, at - now()),
    );
    timer.unref();
    timers.set(job.name, timer);
  }

  for (const job of jobs) plan(job);

  return {
    /** Runs a job's current slot now (at start: what a restart must not wait a day for). */
    async runNow(name: string): Promise<void> {
      const job = jobs.find((j) => j.name === name);
      if (!job) throw new Error(`no job ${name}`);
      const run = due(job, now());
      running.add(run);
      await run.finally(() => running.delete(run));
    },
    async stop(): Promise<void> {
      stopped = true;
      for (const t of timers.values()) clearTimeout(t);
      await Promise.allSettled([...running]);
    },
  };
}
