import type { FastifyBaseLogger } from 'fastify';
import type { AuditLog } from '../audit/audit-log';
import type { Config } from '../config';
import { everyPeriod, type ScheduledJob } from '../jobs/schedule';
import { type QuotaLevel, quotaLevel } from '../policy/quota-level';
import type { StoreDb } from '../store/open-store';
import { deliverOverLmtp } from './deliver';
import { type MailboxQuota, readAllQuotas } from './doveadm-quota';
import { type PastWarning, warningDue } from './warning-due';
import { buildQuotaWarningMessage, type WarningLevel } from './warning-message';

export interface QuotaWarningJobDeps {
  config: Config;
  db: StoreDb;
  audit: AuditLog;
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
}

export interface QuotaWarningRun {
  /** Mailboxes with a storage limit that were looked at. */
  checked: number;
  sent: number;
  /** Warnings due but not delivered (a full mailbox, LMTP down): tried again on the next run. */
  failed: number;
}

/**
 * Đ7.2c: a scheduled job that reads every mailbox's quota from the provider (doveadm HTTP API),
 * so accounts that never log in are warned too, and delivers a warning over LMTP when a mailbox
 * crosses a level, at most once per level per repeat period. Sent warnings are kept in
 * quota_warnings and the audit log. One run at a time; the clock is a parameter for the tests.
 */
export function createQuotaWarningJob(deps: QuotaWarningJobDeps, now: () => Date = () => new Date()) {
  const { config, db, audit, log } = deps;
  const settings = config.quotaWarnings;

  let running: Promise<QuotaWarningRun> | null = null;

  async function pastWarnings(email: string, at: Date): Promise<PastWarning[]> {
    // Rows from the future are kept in the query: warningDue treats them as recent.
    const since = at.getTime() - settings.repeatAfterMs;
    const rows = await db
      .selectFrom('quota_warnings')
      .select(['level', 'sent_at'])
      .where('email', '=', email)
      .where('sent_at', '>', since)
      .execute();
    return rows.map((r) => ({ level: r.level as QuotaLevel, sentAt: new Date(r.sent_at) }));
  }

  /** Never throws: one mailbox's trouble must not keep the others from their warnings. */
  async function warnIfDue(
    quota: MailboxQuota & { limitBytes: number },
  ): Promise<'sent' | 'not_due' | 'failed'> {
    const at = now();
    const level = quotaLevel(quota.usedBytes, quota.limitBytes, config.quotaThresholds);
    if (!warningDue(level, await pastWarnings(quota.email, at), at, settings.repeatAfterMs)) return 'not_due';
    const percent = Math.floor((quota.usedBytes / quota.limitBytes) * 100);
    const details = { level, percent };
    const recordAudit = (outcome: string) =>
      audit.record({ actor: 'system', email: quota.email, action: 'quota_warning', outcome, details });
    try {
      const message = await buildQuotaWarningMessage(
        { ...quota, level: level as WarningLevel, percent },
        config.org,
        at,
      );
      const outcome = await deliverOverLmtp(
        settings.lmtp,
        { from: config.org.systemSender, to: quota.email },
        message.raw,
      );
      if (!outcome.delivered) {
        // Not recorded in quota_warnings, so the next run tries again (a full mailbox may have
        // been cleaned by then, or LMTP be back).
        await recordAudit(outcome.code);
        log.warn(
          { email: quota.email, ...details, code: outcome.code, response: outcome.response },
          'quota warning not delivered',
        );
        return 'failed';
      }
      await db
        .insertInto('quota_warnings')
        .values({ email: quota.email, level, percent, sent_at: at.getTime() })
        .execute();
      await recordAudit('ok');
      return 'sent';
    } catch (error) {
      await recordAudit('internal_error');
      log.error({ err: error, email: quota.email, ...details }, 'quota warning failed');
      return 'failed';
    }
  }

  async function run(): Promise<QuotaWarningRun> {
    if (!settings.doveadmUrl) throw new Error('quota warnings need DOVEADM_URL (the doveadm HTTP API)');
    const quotas = await readAllQuotas({ url: settings.doveadmUrl, apiKey: settings.doveadmApiKey });
    const result: QuotaWarningRun = { checked: 0, sent: 0, failed: 0 };
    for (const quota of quotas) {
      if (quota.limitBytes === null) continue;
      result.checked += 1;
      const outcome = await warnIfDue({ ...quota, limitBytes: quota.limitBytes });
      if (outcome === 'sent') result.sent += 1;
      if (outcome === 'failed') result.failed += 1;
    }
    return result;
  }

  /** One pass over every mailbox; a call during a run joins that run instead of starting another. */
  function runOnce(): Promise<QuotaWarningRun> {
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  }

  const job = {
    runOnce,
    /**
     * The job for the schedule (every QUOTA_WARNING_JOB_MINUTES, once across instances), or null
     * when this deployment has it off — said once in the log, with the reason.
     */
    scheduled(): ScheduledJob | null {
      if (!settings.doveadmUrl) {
        log.info('quota warnings off: DOVEADM_URL is not set (Đ7.2c warnings reach only users who log in)');
        return null;
      }
      if (settings.everyMs === 0) {
        log.info('quota warnings off on this proxy: QUOTA_WARNING_JOB_MINUTES=0');
        return null;
      }
      log.info({ everyMinutes: settings.everyMs / 60_000 }, 'quota warnings: scheduled');
      return everyPeriod('quota-warnings', settings.everyMs, async () => {
        const started = Date.now();
        const result = await runOnce();
        log.info({ ...result, ms: Date.now() - started }, 'quota warnings: run finished');
        return result;
      });
    },
  };
  return job;
}

export type QuotaWarningJob = ReturnType<typeof createQuotaWarningJob>;
