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
/** The live hub keeps a watch 30 s after its last stream (a reload should not start it anew). */
const LIVE_LINGER_WAIT_MS = 45_000;

const users = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => benchAddress(`${prefix}-${String(i).padStart(3, '0')}`));

interface Snapshot {
  memory: MemoryReading;
  dovecot: { count: number; rss: number; pss: number };
}

/**
 * What one logged-in, idle user costs the proxy. N distinct users log in and load their INBOX,
 * as the app does after log-in; the states measured, each against a baseline read on the same
 * fresh proxy before anyone logged in:
 *   pooled       the user's pooled IMAP connection open (IMAP_IDLE_CLOSE_SECONDS default, 300 s);
 *   pooled+live  and the tab's live-update stream (SSE) with its watch on that connection;
 *   live         a tab left open past the idle close (IMAP_IDLE_CLOSE_SECONDS=5): the watch keeps
 *                the pooled connection open;
 *   session      no tab open: only the session is left (stream closed, watch and connection gone).
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
    const first = await withProxy({}, warmUsers, async (proxy, baseline) => {
      const sessions = await logInAll(proxy, sessionUsers);
      await expectConnections(proxy, SESSIONS, 0);
      const pooled = await snapshot(proxy);
      const closeStreams = await openStreams(sessions);
      await expectConnections(proxy, SESSIONS, SESSIONS);
      const pooledLive = await snapshot(proxy);
      for (const close of closeStreams) close();
      return { baseline, pooled, pooledLive };
    });
    const second = await withProxy(
      { IMAP_IDLE_CLOSE_SECONDS: String(IDLE_CLOSE_SECONDS) },
      warmUsers,
      async (proxy, baseline) => {
        const sessions = await logInAll(proxy, sessionUsers);
        const closeStreams = await openStreams(sessions);
        // Past the idle close and the pool's next sweep: the watched connections are still open.
        await new Promise((resolve) => setTimeout(resolve, (IDLE_CLOSE_SECONDS + 6) * 1000));
        await expectConnections(proxy, SESSIONS, SESSIONS, 60_000);
        const live = await snapshot(proxy);
        for (const close of closeStreams) close();
        await expectConnections(proxy, 0, 0, LIVE_LINGER_WAIT_MS + 15_000);
        const session = await snapshot(proxy);
        // The sessions are alive and usable: each still answers (reopening its connection).
        for (const s of sessions.slice(0, 5)) await s.getJson('/api/mailboxes/INBOX/messages?limit=50');
        return { baseline, live, session };
      },
    );
    const row = (name: string, at: Snapshot, baseline: Snapshot): BenchRow => {
      const heap = heapPlusExternal(at.memory) - heapPlusExternal(baseline.memory);
      const rss = at.memory.rss - baseline.memory.rss;
      return {
        name,
        value: `${kb(heap / SESSIONS)} (RSS ${kb(rss / SESSIONS)})`,
        baseline: `${mb(heapPlusExternal(baseline.memory))} heap + external before log-in (RSS ${mb(baseline.memory.rss)})`,
        ratio: null,
        target: '≤ 100 KB per session',
        pass: heap / SESSIONS <= 100 * 1024,
      };
    };
    const dovecot = (at: Snapshot, baseline: Snapshot) =>
      `${kb((at.dovecot.pss - baseline.dovecot.pss) / SESSIONS)} PSS (RSS ${kb((at.dovecot.rss - baseline.dovecot.rss) / SESSIONS)})`;
    return [
      row(
        `Memory per idle session, pooled IMAP connection open (${SESSIONS} users, heap + external)`,
        first.pooled,
        first.baseline,
      ),
      row(
        'Memory per idle session, pooled connection + live-update stream (SSE + watch on that connection)',
        first.pooledLive,
        first.baseline,
      ),
      row(
        `Memory per idle session, tab open past the idle close (${IDLE_CLOSE_SECONDS} s): connection kept for live updates`,
        second.live,
        second.baseline,
      ),
      row('Memory per idle session, no tab open (session only)', second.session, second.baseline),
      {
        name: 'Dovecot side per user (information): the imap process of the pooled connection, live updates add none',
        value: `${dovecot(first.pooled, first.baseline)}; with a live stream ${dovecot(first.pooledLive, first.baseline)}`,
        baseline: `${first.pooledLive.dovecot.count} imap processes on the machine at the time`,
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

const heapPlusExternal = (m: MemoryReading) => m.heapUsed + m.external;

/** A fresh proxy whose code paths (log-in, list, live stream) ran once before the baseline. */
async function withProxy<T>(
  env: Record<string, string>,
  warmUsers: string[],
  measure: (proxy: ProxyProcess, baseline: Snapshot) => Promise<T>,
): Promise<T> {
  const proxy = await startProxyProcess(env);
  try {
    const warm = await logInAll(proxy, warmUsers);
    const closeStreams = await openStreams(warm);
    await expectConnections(proxy, undefined, warm.length);
    for (const close of closeStreams) close();
    for (const session of warm) await session.logOut();
    await expectConnections(proxy, 0, 0, LIVE_LINGER_WAIT_MS + 15_000);
    return await measure(proxy, await snapshot(proxy));
  } finally {
    await proxy.stop();
  }
}

async function snapshot(proxy: ProxyProcess): Promise<Snapshot> {
  return { memory: await proxy.memory(), dovecot: imapProcesses() };
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

async function openStreams(sessions: BenchSession[]): Promise<(() => void)[]> {
  const closers: (() => void)[] = [];
  for (const session of sessions) closers.push(await session.openEvents());
  return closers;
}

/** Waits for the pool and the connected watches to reach the given counts (undefined: any). */
async function expectConnections(
  proxy: ProxyProcess,
  pooled: number | undefined,
  watchers: number,
  timeoutMs = 30_000,
) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const pool = await proxy.poolSize();
    const live = await proxy.liveConnections();
    const liveOk = watchers === 0 ? live.watched === 0 : live.connected === watchers;
    if ((pooled === undefined || pool === pooled) && liveOk) break;
    if (Date.now() > until)
      throw new Error(
        `expected ${pooled ?? 'any'} pooled and ${watchers} live connections, have ${pool} and ${live.connected}/${live.watched}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  // Closed connections: give their sockets and Dovecot's processes time to go.
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
