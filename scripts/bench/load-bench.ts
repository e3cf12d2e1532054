import { type LoadOptions, runVariant, type VariantResult } from './load-run';
import { errorText, errorTotal, OPERATIONS, operationTable } from './load-stats';
import { type LoadVariantName, VARIANT_TITLES } from './load-targets';
import { loadUserAddresses, prepareLoadUsers, removeLoadUsers } from './load-users';
import { type BenchRow, mb, ms } from './results';

/**
 * npm run bench -- --only load [--users 1000] [--variants sqlite,postgres,pair] [--keep]
 *
 * A morning at the province: N civil servants, each with a mailbox of their own, log in over the
 * first minute, keep the live-update stream open and read their mail at a person's pace (a list
 * or a message every ~30 s, a search every ~5 min, a few sends a minute in all). The steady run
 * is measured against the targets; the step run then shortens the pace until the reading
 * requests' p95 passes 500 ms or errors appear. Takes minutes per variant.
 */
export const LOAD_DEFAULTS = {
  users: 1000,
  rampSeconds: 60,
  steadySeconds: 180,
  stepSeconds: 60,
  thinkSeconds: 30,
  searchMinutes: 5,
  sendsPerMinute: 4,
  stepThinkSeconds: [20, 15, 12, 10, 8, 6, 4, 3, 2, 1.5, 1, 0.75, 0.5],
  stepLimitMs: 500,
} satisfies Omit<LoadOptions, 'progress'>;

const LIST_TARGET_MS = 200;
/** No sample, no figure (a window too short for a search, say). */
const latency = (v: number) => (Number.isNaN(v) ? '—' : ms(v));

export async function loadBench(
  options: LoadOptions & { variants: LoadVariantName[]; keep: boolean },
): Promise<{ rows: BenchRow[]; tables: string[] }> {
  const emails = loadUserAddresses(options.users);
  options.progress(`creating ${emails.length} mailboxes with a few letters each`);
  const seeded = await prepareLoadUsers(emails);
  options.progress(`${seeded.messages} letters delivered in ${(seeded.elapsedMs / 1000).toFixed(0)} s`);
  const rows: BenchRow[] = [];
  const tables: string[] = [];
  try {
    for (const variant of options.variants) {
      const title = VARIANT_TITLES[variant];
      try {
        const result = await runVariant(variant, emails, options);
        rows.push(...variantRows(result, options));
        tables.push(variantTables(result));
      } catch (err) {
        options.progress(`${variant}: not measured: ${String(err)}`);
        rows.push({
          name: `Load, ${title}`,
          value: 'not measured',
          baseline: String(err instanceof Error ? err.message : err)
            .split('\n')[0]!
            .slice(0, 160),
          ratio: null,
          target: '—',
          pass: null,
        });
      }
    }
  } finally {
    if (!options.keep) {
      options.progress('removing the simulated users');
      removeLoadUsers(emails);
    }
  }
  return { rows, tables };
}

function variantRows(r: VariantResult, options: LoadOptions): BenchRow[] {
  const title = VARIANT_TITLES[r.variant];
  const list = r.steady.summary('list');
  const login = r.ramp.summary('login');
  const open = r.steady.summary('open');
  const search = r.steady.summary('search');
  const errors = OPERATIONS.map((o) => r.steady.summary(o)).filter((s) => errorTotal(s) > 0);
  const sustained = r.steps.filter((s) => s.within).at(-1);
  const over = r.steps.find((s) => !s.within);
  const peakImap = Math.max(r.steadyPeaks.imapProcesses, r.stepPeaks.imapProcesses);
  const perUser = (peakImap - r.imapBefore) / r.users;
  const instances = r.variant === 'pair' ? 'both instances together' : 'the instance';
  return [
    {
      name: `Load, ${title}: users logged in with their live stream open, at the start and the end of the steady run`,
      value: `${r.loggedIn} and ${r.streamsOpen} → ${r.loggedInAtEnd} and ${r.streamsOpenAtEnd} (proxy at peak: ${r.steadyPeaks.liveStreams} streams, ${r.steadyPeaks.idleConnections} IDLE + ${r.steadyPeaks.poolConnections} pooled IMAP connections)`,
      baseline: `${r.users} users, log-ins spread over ${options.rampSeconds} s: login p50 ${ms(login.p50)}, p95 ${ms(login.p95)}, ${errorText(login)} errors`,
      ratio: null,
      target: `all ${r.users} by the start`,
      pass: r.loggedIn === r.users && r.streamsOpen === r.users,
    },
    {
      name: `Load, ${title}: list INBOX, steady run (${options.steadySeconds} s, ${r.steady.requestsPerSecond().toFixed(1)} req/s in all)`,
      value: `p95 ${latency(list.p95)} (p50 ${latency(list.p50)}, p99 ${latency(list.p99)})`,
      baseline: `open p95 ${latency(open.p95)}, search p95 ${latency(search.p95)} (${search.count} searches)`,
      ratio: null,
      target: `p95 < ${LIST_TARGET_MS} ms`,
      pass: list.p95 < LIST_TARGET_MS,
    },
    {
      name: `Load, ${title}: errors in the steady run`,
      value: errors.length === 0 ? '0' : errors.map((s) => `${s.operation}: ${errorText(s)}`).join('; '),
      baseline: `${OPERATIONS.reduce((n, o) => n + r.steady.summary(o).count, 0).toLocaleString('en')} requests and stream (re)openings`,
      ratio: null,
      target: '0',
      pass: errors.length === 0,
    },
    {
      name: `Load, ${title}: step run, highest rate with list/open p95 < ${options.stepLimitMs} ms and no error`,
      value: sustained
        ? `${sustained.window.requestsPerSecond().toFixed(1)} req/s (think ${sustained.thinkSeconds} s, p95 ${ms(sustained.readP95)})`
        : 'none of the steps',
      baseline: over
        ? `next step: ${over.window.requestsPerSecond().toFixed(1)} req/s, p95 ${ms(over.readP95)}, ${over.errors} errors`
        : `every step held, up to think ${options.stepThinkSeconds.at(-1)} s`,
      ratio: null,
      target: 'measured',
      pass: null,
    },
    {
      name: `Load, ${title}: proxy memory (${instances})`,
      value: `RSS ${mb(r.steadyPeaks.rss)} at peak in the steady run, ${mb(Math.max(r.steadyPeaks.rss, r.stepPeaks.rss))} in the step run; V8 heap ${mb(r.steadyPeaks.heapUsed)} at peak`,
      baseline: `RSS ${mb(r.before.rss)}, heap ${mb(r.before.heapUsed)} before any log-in`,
      ratio: null,
      target: '—',
      pass: null,
    },
    {
      name: `Load, ${title}: CPU in the steady run`,
      value: `proxy ${(r.proxyCpu * 100).toFixed(0)} % of one core (${instances})`,
      baseline: `load driver ${(r.driverCpu * 100).toFixed(0)} %`,
      ratio: null,
      target: '—',
      pass: null,
    },
    {
      name: `Load, ${title}: Dovecot imap processes at peak (one per IMAP connection)`,
      value: `${peakImap.toLocaleString('en')} (${perUser.toFixed(2)} per user)`,
      baseline: `${r.imapBefore} before the run (other sessions on the machine)`,
      ratio: null,
      target: '—',
      pass: null,
    },
  ];
}

function variantTables(r: VariantResult): string {
  const title = VARIANT_TITLES[r.variant];
  const steps = [
    '| think time | offered | achieved req/s | list p95 | open p95 | search p95 | errors | p95 < limit, no error |',
    '|---|---|---|---|---|---|---|---|',
    ...r.steps.map((s) => {
      const p95 = (o: 'list' | 'open' | 'search') => {
        const v = s.window.summary(o).p95;
        return Number.isNaN(v) ? '—' : ms(v);
      };
      const errors = OPERATIONS.map((o) => s.window.summary(o))
        .filter((x) => errorTotal(x) > 0)
        .map((x) => `${x.operation}: ${errorText(x)}`)
        .join('; ');
      return (
        `| ${s.thinkSeconds} s | ${s.offeredPerSecond.toFixed(0)} req/s | ${s.window.requestsPerSecond().toFixed(1)} | ` +
        `${p95('list')} | ${p95('open')} | ${p95('search')} | ${errors || '0'} | ${s.within ? 'yes' : '**no**'} |`
      );
    }),
  ];
  return [
    `#### ${title}: log-in (ramp)\n\n${operationTable(r.ramp)}`,
    `#### ${title}: steady run\n\n${operationTable(r.steady)}`,
    `#### ${title}: step run\n\n${steps.join('\n')}`,
  ].join('\n\n');
}
