import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from './app-context';
import { refreshDirectory } from './console/directory/refresh-directory';
import { startLifecycleSchedule } from './console/lifecycle/lifecycle-job';
import { countedJob } from './ops/metrics';
import { createQuotaWarningJob } from './quota-warnings/quota-warning-job';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Everything the proxy does on a clock: purges (sessions, throttle, audit after six months,
 * abandoned uploads, old send keys), the directory refresh from the provider, and the quota
 * warning job (Đ7.2c). Timers never keep the process alive; stop() waits for a running job.
 */
export function startBackgroundJobs(ctx: AppContext, log: FastifyBaseLogger) {
  const { config } = ctx;
  const every = (ms: number, name: string, job: () => unknown) => {
    const timer = setInterval(() => {
      countedJob(ctx.metrics, name, job).catch((err: unknown) =>
        log.warn({ err, job: name }, 'background job failed'),
      );
    }, ms);
    timer.unref();
    return timer;
  };

  // Đ7.1: the audit log keeps six months; purged at start and then daily.
  const purgeAudit = () => ctx.audit.purgeExpired(config.auditRetentionMonths);
  purgeAudit().catch((err: unknown) => log.warn({ err }, 'audit purge failed'));
  const refresh = () => refreshDirectory(ctx);
  countedJob(ctx.metrics, 'refresh-directory', refresh).catch((err: unknown) =>
    log.warn({ err }, 'directory refresh failed'),
  );

  const timers = [
    every(10 * MINUTE, 'purge-sessions', async () => {
      await ctx.sessions.purgeExpired();
      await ctx.loginThrottle.purgeOld();
    }),
    every(24 * HOUR, 'purge-audit', purgeAudit),
    every(HOUR, 'purge-uploads', async () => {
      await ctx.uploads.purgeOlderThan(config.limits.uploadTtlMs);
      await ctx.sendKeys.purgeOlderThan(30 * 24 * HOUR);
    }),
    every(HOUR, 'refresh-directory', refresh),
  ];
  const quotaWarnings = createQuotaWarningJob({ config, db: ctx.store.db, audit: ctx.audit, log }).start();
  // Đ5.3b, Đ6.2a: once a day at LIFECYCLE_JOB_HOUR, Viet Nam time.
  const lifecycle = startLifecycleSchedule(ctx, log);

  return {
    async stop(): Promise<void> {
      for (const t of timers) clearInterval(t);
      await quotaWarnings.stop();
      await lifecycle.stop();
    },
  };
}
