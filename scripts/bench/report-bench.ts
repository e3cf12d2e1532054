import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAccountStore } from '../../proxy/accounts/account-store';
import type { Config } from '../../proxy/config';
import { reportPdf } from '../../proxy/console/report/report-pdf';
import { periodById } from '../../proxy/console/report/report-periods';
import { buildReport, loadReportInputs } from '../../proxy/console/report/report-service';
import { reportXlsx } from '../../proxy/console/report/report-xlsx';
import { createUnitStore } from '../../proxy/console/units/unit-store';
import type { ProviderAccount } from '../../proxy/password/drivers/password-driver';
import type { MailboxQuota } from '../../proxy/quota-warnings/doveadm-quota';
import { readAllQuotas } from '../../proxy/quota-warnings/doveadm-quota';
import { openSqlite } from '../../proxy/store/open-store';
import { mailStackProxyEnv } from '../mailstack/proxy-env';
import { type BenchRow, median, ms } from './results';

const DOMAIN = 'binhphuoc.gov.vn';
const GB = 1024 ** 3;

/**
 * Đ12.10: the six-monthly report for `accounts` mailboxes over 60 units (a tenth with state
 * history, a tenth known only to the provider): reading the store, counting, the XLSX and the
 * PDF, each the median of `runs`. Also, when the mail stack is up, doveadm's `quota get -A` of
 * every mailbox on it, the one network read the report makes.
 */
export async function reportBench(accounts = 1000, runs = 5): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-report-'));
  try {
    let clock = new Date('2026-01-05T02:00:00Z');
    const opened = openSqlite(dir);
    const store = createAccountStore(opened.db, () => clock);
    const units = createUnitStore(opened.db);
    for (let u = 0; u < 60; u++) {
      await units.create({
        code: `dv${u}`,
        name: `Ủy ban nhân dân xã Đắk Ơ số ${u + 1}`,
        parentCode: null,
        level: 'commune',
        mailbox: `dv${u}@${DOMAIN}`,
        website: null,
      });
    }
    const provider: ProviderAccount[] = [];
    const usage = new Map<string, MailboxQuota>();
    for (let i = 0; i < accounts; i++) {
      const email = `canbo${i}.dv${i % 60}@${DOMAIN}`;
      provider.push({ email, name: null, unit: null });
      usage.set(email, { email, usedBytes: ((i % 100) / 100) * 2 * GB, limitBytes: 2 * GB });
      if (i % 10 === 9) continue; // only at the provider
      clock = new Date(Date.UTC(2025, i % 12, 1 + (i % 27), 2));
      await store.setProfile(email, { unitCode: `dv${i % 60}`, quotaBytes: 2 * GB });
      if (i % 3 === 0) await store.recordLogin(email);
      if (i % 10 === 0) {
        clock = new Date(Date.UTC(2026, 1, 1 + (i % 27)));
        await store.setState(email, 'suspended', 'inactive');
        if (i % 20 === 0) {
          clock = new Date(Date.UTC(2026, 2, 1));
          await store.setState(email, 'active', null);
        }
      }
    }
    const ctx = {
      accounts: store,
      units,
      passwordDriver: { listAccounts: async () => provider } as never,
      // The benchmark's provider suspends nobody, so the reconciliation never writes to it.
      audit: { record: async () => undefined } as never,
      config: { org: { mailDomain: DOMAIN }, quotaWarnings: {} } as unknown as Config,
    };
    const period = periodById('2026-06')!;
    const now = new Date('2026-06-25T02:00:00Z');
    const names = new Map((await units.list()).map((u) => [u.code, u.name]));
    const timings = { data: [] as number[], xlsx: [] as number[], pdf: [] as number[] };
    let pages = 0;
    let size = { xlsx: 0, pdf: 0 };
    for (let r = 0; r < runs; r++) {
      let t = performance.now();
      const inputs = await loadReportInputs(ctx);
      const built = buildReport({ ...inputs, usage, usageKnown: true }, names, period, null, now);
      timings.data.push(performance.now() - t);
      t = performance.now();
      const xlsx = await reportXlsx(built.report, built.kinds, 'Ủy ban nhân dân tỉnh Bình Phước');
      timings.xlsx.push(performance.now() - t);
      t = performance.now();
      const pdf = await reportPdf(built.report, 'Ủy ban nhân dân tỉnh Bình Phước');
      timings.pdf.push(performance.now() - t);
      pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
      size = { xlsx: xlsx.length, pdf: pdf.length };
    }
    await opened.close();
    const info = (name: string, value: string): BenchRow => ({
      name,
      value,
      baseline: '—',
      ratio: null,
      target: '—',
      pass: null,
    });
    const rows = [
      info(
        `report data, ${accounts} accounts / 60 units (store + history + counts)`,
        ms(median(timings.data)),
      ),
      info(
        `report XLSX, ${accounts} accounts (${(size.xlsx / 1024).toFixed(0)} KB)`,
        ms(median(timings.xlsx)),
      ),
      info(
        `report PDF, 60 units (${pages} pages, ${(size.pdf / 1024).toFixed(0)} KB)`,
        ms(median(timings.pdf)),
      ),
    ];
    const doveadm = await doveadmAllQuotas();
    if (doveadm)
      rows.push(info(`doveadm quota get -A (${doveadm.users} mailboxes on the stack)`, ms(doveadm.ms)));
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function doveadmAllQuotas(): Promise<{ ms: number; users: number } | null> {
  try {
    const env = mailStackProxyEnv();
    const t = performance.now();
    const quotas = await readAllQuotas({ url: env.DOVEADM_URL as string, apiKey: env.DOVEADM_API_KEY });
    return { ms: performance.now() - t, users: quotas.length };
  } catch {
    return null;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await reportBench()) console.log(`${row.name}: ${row.value}`);
}
