import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type MailUser, removeMailUser, upsertMailUsers } from '../mailstack/mail-users';
import { resetMailbox } from '../seed/mailbox-reset';
import { BENCH_PASSWORD, benchAddress } from './bench-mailbox';
import type { MemoryReading } from './proxy-child';
import { type BenchSession, type ProxyProcess, startProxyProcess } from './proxy-process';
import { type BenchRow, kb, mb } from './results';

const SESSIONS = 200;
const WARM_UP_SESSIONS = 10;
const LOGIN_CONCURRENCY = 10;
const IDLE_CLOSE_SECONDS = 5;

const users = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => benchAddress(`${prefix}-${String(i).padStart(3, '0')}`));

/**
 * What one logged-in, idle user costs the proxy: N distinct users log in and load their INBOX
 * (what the app does after log-in), then nothing. Measured twice, each on a fresh proxy: while
 * every user's pooled IMAP connection is open (the default IMAP_IDLE_CLOSE_SECONDS of 300 s), and
 * after the pool has closed them all (IMAP_IDLE_CLOSE_SECONDS=5, then waiting).
 */
export async function sessionMemoryBench(): Promise<BenchRow[]> {
  const sessionUsers = users('bench-idle', SESSIONS);
  const warmUsers = users('bench-warm', WARM_UP_SESSIONS);
  const all = [...sessionUsers, ...warmUsers];
  const accounts: MailUser[] = all.map((email) => ({
    email,
    password: BENCH_PASSWORD,
    quotaBytes: 2 * 1024 ** 3,
    suspendReason: null,
  }));
  upsertMailUsers(accounts);
  try {
    const open = await measure(sessionUsers, warmUsers, {});
    const closed = await measure(sessionUsers, warmUsers, {
      IMAP_IDLE_CLOSE_SECONDS: String(IDLE_CLOSE_SECONDS),
    });
    const perSession = (m: Measured, key: 'heap' | 'rss') => m[key] / SESSIONS;
    const pass = (m: Measured) => perSession(m, 'heap') <= 100 * 1024;
    return [
      {
        name: `Memory per idle session, IMAP connection pooled (${SESSIONS} users, heap + external)`,
        value: `${kb(perSession(open, 'heap'))} (RSS ${kb(perSession(open, 'rss'))})`,
        baseline: `${mb(open.baseline.heapUsed + open.baseline.external)} heap + external with no session (RSS ${mb(open.baseline.rss)})`,
        ratio: null,
        target: '≤ 100 KB per session',
        pass: pass(open),
      },
      {
        name: `Memory per idle session after the pool closed the IMAP connection (${IDLE_CLOSE_SECONDS} s)`,
        value: `${kb(perSession(closed, 'heap'))} (RSS ${kb(perSession(closed, 'rss'))})`,
        baseline: `${mb(closed.baseline.heapUsed + closed.baseline.external)} with no session (RSS ${mb(closed.baseline.rss)})`,
        ratio: null,
        target: '≤ 100 KB per session',
        pass: pass(closed),
      },
      {
        name: 'Dovecot side: one imap process per pooled connection, PSS (RSS)',
        value: `${kb(open.dovecotPssPerSession)} (RSS ${kb(open.dovecotRssPerSession)})`,
        baseline: `${open.dovecotProcesses} imap processes on the machine at the time`,
        ratio: null,
        target: '—',
        pass: null,
      },
    ];
  } finally {
    for (const [i, email] of all.entries()) {
      resetMailbox(email);
      const last = i === all.length - 1;
      removeMailUser(email, { waitForDovecot: last, reloadPostfix: last });
    }
  }
}

interface Measured {
  baseline: MemoryReading;
  heap: number;
  rss: number;
  dovecotRssPerSession: number;
  dovecotPssPerSession: number;
  dovecotProcesses: number;
}

async function measure(
  sessionUsers: string[],
  warmUsers: string[],
  env: Record<string, string>,
): Promise<Measured> {
  const proxy = await startProxyProcess(env);
  try {
    // The code paths of log-in and listing run (and are compiled) before the baseline is read.
    for (const warm of await logInAll(proxy, warmUsers)) await warm.logOut();
    await waitForPool(proxy, 0);
    const baseline = await proxy.memory();
    const dovecotBefore = imapProcesses();

    const sessions = await logInAll(proxy, sessionUsers);
    if (env.IMAP_IDLE_CLOSE_SECONDS) {
      await waitForPool(proxy, 0, 60_000);
    } else if ((await proxy.poolSize()) !== sessionUsers.length) {
      throw new Error(`expected ${sessionUsers.length} pooled connections, got ${await proxy.poolSize()}`);
    }
    const after = await proxy.memory();
    const dovecotAfter = imapProcesses();
    // The sessions are alive and usable: each still answers (reopening its connection if closed).
    for (const s of sessions.slice(0, 5)) await s.getJson('/api/session');
    return {
      baseline,
      heap: after.heapUsed + after.external - (baseline.heapUsed + baseline.external),
      rss: after.rss - baseline.rss,
      dovecotRssPerSession: (dovecotAfter.rss - dovecotBefore.rss) / sessionUsers.length,
      dovecotPssPerSession: (dovecotAfter.pss - dovecotBefore.pss) / sessionUsers.length,
      dovecotProcesses: dovecotAfter.count,
    };
  } finally {
    await proxy.stop();
  }
}

async function logInAll(proxy: ProxyProcess, emails: string[]): Promise<BenchSession[]> {
  const sessions: BenchSession[] = [];
  const queue = [...emails];
  await Promise.all(
    Array.from({ length: LOGIN_CONCURRENCY }, async () => {
      for (let email = queue.shift(); email; email = queue.shift()) {
        const session = await proxy.logIn(email, BENCH_PASSWORD);
        await session.getJson('/api/mailboxes/INBOX/messages?limit=50');
        sessions.push(session);
      }
    }),
  );
  return sessions;
}

async function waitForPool(proxy: ProxyProcess, size: number, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while ((await proxy.poolSize()) !== size) {
    if (Date.now() > until) throw new Error(`the IMAP pool did not reach ${size} connections`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  // The pool forgets a connection when LOGOUT is sent; give the sockets time to close.
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

/**
 * Dovecot's imap processes on this machine (one per IMAP connection): count, RSS and PSS in
 * bytes. RSS counts the shared libraries in every process; PSS shares them out, so its sum is
 * what the processes really take together.
 */
function imapProcesses(): { count: number; rss: number; pss: number } {
  // ps exits 1 when there is none.
  const out = spawnSync('ps', ['-C', 'imap', '-o', 'pid=,rss='], { encoding: 'utf8' }).stdout.trim();
  let rss = 0;
  let pss = 0;
  const lines = out ? out.split('\n') : [];
  for (const line of lines) {
    const [pid, rssKb] = line.trim().split(/\s+/);
    rss += Number(rssKb) * 1024;
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      pss += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
    } catch {
      // The process ended between ps and now.
    }
  }
  return { count: lines.length, rss, pss };
}
