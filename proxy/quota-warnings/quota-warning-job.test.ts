import { describe, expect, it } from 'vitest';
import { createAuditLog } from '../audit/audit-log';
import { loadConfig } from '../config';
import { openStore } from '../store/open-store';
import { createQuotaWarningJob, type QuotaWarningJobDeps } from './quota-warning-job';

async function jobWith(env: Record<string, string>) {
  const lines: string[] = [];
  const log = {
    info: (...args: unknown[]) => lines.push(String(args.at(-1))),
    warn: (msg: unknown) => lines.push(String(msg)),
    error: (msg: unknown) => lines.push(String(msg)),
  } as unknown as QuotaWarningJobDeps['log'];
  const { db } = await openStore({ dataDir: ':memory:' });
  const job = createQuotaWarningJob({ config: loadConfig(env), db, audit: createAuditLog(db), log });
  return { job, lines, close: () => db.destroy() };
}

describe('quota warning job switches', () => {
  it('stays off, saying so, without a doveadm URL', async () => {
    const { job, lines, close } = await jobWith({});
    expect(job.scheduled()).toBeNull();
    expect(lines).toEqual([expect.stringContaining('DOVEADM_URL is not set')]);
    await expect(job.runOnce()).rejects.toThrow(/DOVEADM_URL/);
    await close();
  });

  it('stays off, saying so, on a proxy configured to run it never', async () => {
    const { job, lines, close } = await jobWith({
      DOVEADM_URL: 'http://127.0.0.1:10081/doveadm/v1',
      QUOTA_WARNING_JOB_MINUTES: '0',
    });
    expect(job.scheduled()).toBeNull();
    expect(lines).toEqual([expect.stringContaining('QUOTA_WARNING_JOB_MINUTES=0')]);
    await close();
  });

  it('is scheduled every QUOTA_WARNING_JOB_MINUTES, at the same moments on every instance', async () => {
    const { job, lines, close } = await jobWith({
      DOVEADM_URL: 'http://127.0.0.1:10081/doveadm/v1',
      QUOTA_WARNING_JOB_MINUTES: '15',
    });
    const scheduled = job.scheduled();
    expect(scheduled?.name).toBe('quota-warnings');
    expect(lines).toEqual(['quota warnings: scheduled']);
    const at = Date.UTC(2026, 11, 7, 8, 7);
    expect(scheduled?.next(at)).toBe(Date.UTC(2026, 11, 7, 8, 15));
    expect(scheduled?.slot(Date.UTC(2026, 11, 7, 8, 15))).toBe(scheduled?.slot(Date.UTC(2026, 11, 7, 8, 29)));
    await close();
  });
});
