import { spawnSync } from 'node:child_process';
import pino from 'pino';
import { createLiveHub } from '../../proxy/live/live-hub';
import { createImapPool } from '../../proxy/mail/imap-pool';
import { type MailUser, removeMailUser, upsertMailUsers } from '../mailstack/mail-users';
import { mailStackPorts, resolveMailDomain } from '../mailstack/paths';
import { resetMailbox } from '../seed/mailbox-reset';

/**
 * What one user's live updates cost the proxy: N users each get their pooled connection watched
 * (connected, INBOX examined, folder and quota baseline read, in IDLE), then the heap and
 * external memory are compared with the state before. Run with:
 *   npx tsx --expose-gc scripts/bench/live-idle-memory.ts [users]
 */
const USERS = Number(process.argv[2] ?? 50);
const BENCH_PASSWORD = 'Do#Luong2026';
const benchAddress = (localPart: string) => `${localPart}@${resolveMailDomain()}`;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

function used() {
  gc!();
  gc!();
  const m = process.memoryUsage();
  return { heap: m.heapUsed + m.external, rss: m.rss };
}

function imapProcessesRss(): { count: number; rss: number } {
  const out = spawnSync('ps', ['-C', 'imap', '-o', 'rss='], { encoding: 'utf8' }).stdout.trim();
  const kbs = out ? out.split('\n').map((l) => Number(l.trim())) : [];
  return { count: kbs.length, rss: kbs.reduce((a, b) => a + b, 0) * 1024 };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main() {
  const emails = Array.from({ length: USERS + 1 }, (_, i) =>
    benchAddress(`bench-live-${String(i).padStart(3, '0')}`),
  );
  const accounts: MailUser[] = emails.map((email) => ({
    email,
    password: BENCH_PASSWORD,
    quotaBytes: 2 * 1024 ** 3,
    suspendReason: null,
  }));
  upsertMailUsers(accounts);
  const log = pino({ level: 'warn' });
  const pool = createImapPool(
    {
      host: mailStackPorts.host,
      port: mailStackPorts.imap,
      secure: false,
      allowInsecureTls: true,
      idleCloseMs: 60_000,
    },
    log,
  );
  const hub = createLiveHub(pool, { notice: 0.8, warning: 0.9, critical: 0.98 }, log);
  const listener = { event: () => undefined, rejected: () => undefined };
  try {
    // Warm-up: one watch's code paths run (and are compiled) before the baseline.
    const [warm, ...users] = emails as [string, ...string[]];
    const stopWarm = hub.subscribe({ email: warm, password: BENCH_PASSWORD }, listener);
    await waitFor(() => hub.idleConnections() === 1);
    await sleep(1_500);
    stopWarm({ now: true });
    await waitFor(() => hub.watchedUsers() === 0);
    await sleep(1_000);

    const before = used();
    const dovecotBefore = imapProcessesRss();
    for (const email of users) hub.subscribe({ email, password: BENCH_PASSWORD }, listener);
    await waitFor(() => hub.idleConnections() === USERS, 60_000);
    await sleep(3_000); // baselines read, every connection back in IDLE
    const after = used();
    const dovecotAfter = imapProcessesRss();

    console.log(`${USERS} users, each with one IDLE connection (heap + external, after GC):`);
    console.log(
      `  proxy: ${kb((after.heap - before.heap) / USERS)} per user (RSS ${kb((after.rss - before.rss) / USERS)})`,
    );
    console.log(
      `  Dovecot: ${kb((dovecotAfter.rss - dovecotBefore.rss) / USERS)} RSS per imap process (${dovecotAfter.count} processes)`,
    );
  } finally {
    await hub.closeAll();
    await pool.closeAll();
    for (const [i, email] of emails.entries()) {
      resetMailbox(email);
      const last = i === emails.length - 1;
      removeMailUser(email, { waitForDovecot: last, reloadPostfix: last });
    }
  }
}

async function waitFor(check: () => boolean, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(100);
  }
}

await main();
