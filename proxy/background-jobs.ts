import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from './app-context';
import { refreshDirectory } from './console/directory/refresh-directory';
import { lifecycleScheduledJob } from './console/lifecycle/lifecycle-job';
import { createJobRuns } from './jobs/job-runs';
import { everyPeriod, type ScheduledJob, startSchedule } from './jobs/schedule';
import { createQuotaWarningJob } from './quota-warnings/quota-warning-job';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Everything the proxy does on a clock: purges (sessions, throttle, audit after six months,
 * abandoned uploads, old send keys, old job runs), the directory refresh from the provider, the
 * quota warnings (Đ7.2c) and the daily lifecycle job (Đ5.3b, Đ6.2a). Every instance schedules
 * every job; the store lets exactly one instance run each due time (jobs/job-runs.ts), so two or
 * more proxies need no per-instance setting. stop() waits for the runs in progress.
 */
export function startBackgroundJobs(ctx: AppContext, log: FastifyBaseLogger) {
  const { config } = ctx;
  // Đ7.1: the audit log keeps six months.
  const purgeAudit = () => ctx.audit.purgeExpired(config.auditRetentionMonths);
  const refresh = () => refreshDirectory(ctx);
  const jobRuns = createJobRuns(ctx.store.db, config.instanceId);
  const quotaWarnings = createQuotaWarningJob({
    config,
    db: ctx.store.db,
    audit: ctx.audit,
    log,
  }).scheduled();
  const lifecycle = lifecycleScheduledJob(ctx, log);

  const jobs: ScheduledJob[] = [
    everyPeriod('purge-sessions', 10 * MINUTE, async () => {
      await ctx.sessions.purgeExpired();
      await ctx.loginThrottle.purgeOld();
    }),
    // Daily, at 03:30 Viet Nam time (20:30 UTC): outside office hours.
    everyPeriod(
      'purge-audit',
      DAY,
      async () => {
        await purgeAudit();
        await jobRuns.purgeOlderThan(90 * DAY);
      },
      20.5 * HOUR,
    ),
    everyPeriod('purge-uploads', HOUR, async () => {
      await ctx.uploads.purgeOlderThan(config.limits.uploadTtlMs);
      await ctx.sendKeys.purgeOlderThan(30 * DAY);
      await ctx.signingRequests.purgeExpired();
    }),
    everyPeriod('refresh-directory', HOUR, refresh),
    ...(quotaWarnings ? [quotaWarnings] : []),
    ...(lifecycle ? [lifecycle] : []),
  ];
  const schedule = startSchedule(jobRuns, jobs, { metrics: ctx.metrics, log });

  // What a restart must not wait a day or an hour for: the current slot, unless another instance
  // has run it already. The quota warnings a minute after start, not in the way of start-up.
  void schedule.runNow('purge-audit');
  void schedule.runNow('refresh-directory');
  const firstQuotaRun = quotaWarnings
    ? setTimeout(() => void schedule.runNow('quota-warnings'), Math.min(config.quotaWarnings.everyMs, MINUTE))
    : null;
  firstQuotaRun?.unref();

  return {
    async stop(): Promise<void> {
      if (firstQuotaRun) clearTimeout(firstQuotaRun);
      await schedule.stop();
    },
  };
}
