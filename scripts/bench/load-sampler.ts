import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * What the machine holds while the users work, sampled every few seconds and kept at its peak:
 * each proxy process's resident memory (/proc/<pid>/status; VmHWM is the kernel's own peak),
 * its V8 heap and connection gauges from its /metrics, and Dovecot's imap processes — one per
 * IMAP connection, so their number divided by the users is the connections each user costs.
 */
export interface LoadPeaks {
  /** Sum over the instances, bytes. */
  rss: number;
  /** Sum over the instances of each one's own peak (VmHWM), bytes. */
  rssHighWater: number;
  heapUsed: number;
  imapProcesses: number;
  poolConnections: number;
  idleConnections: number;
  liveStreams: number;
}

const EMPTY: LoadPeaks = {
  rss: 0,
  rssHighWater: 0,
  heapUsed: 0,
  imapProcesses: 0,
  poolConnections: 0,
  idleConnections: 0,
  liveStreams: 0,
};

export function imapProcessCount(): number {
  // ps exits 1 when there is none.
  const out = spawnSync('ps', ['-C', 'imap', '--no-headers', '-o', 'pid='], { encoding: 'utf8' }).stdout;
  return out.split('\n').filter((l) => l.trim()).length;
}

function statusKb(pid: number, field: string): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

const gauge = (text: string, name: string) =>
  Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+]+)$`, 'm').exec(text)?.[1] ?? 0);

async function scrape(origins: string[]) {
  const texts = await Promise.all(
    origins.map((o) =>
      fetch(`${o}/metrics`)
        .then((r) => r.text())
        .catch(() => ''),
    ),
  );
  const sum = (name: string) => texts.reduce((n, t) => n + gauge(t, name), 0);
  return {
    heapUsed: sum('bp_nodejs_heap_size_used_bytes'),
    poolConnections: sum('bp_imap_pool_connections'),
    idleConnections: sum('bp_live_idle_connections'),
    liveStreams: sum('bp_live_streams'),
  };
}

export async function sampleOnce(pids: number[], origins: string[]): Promise<LoadPeaks> {
  const kb = (field: string) => pids.reduce((n, pid) => n + statusKb(pid, field) * 1024, 0);
  return {
    rss: kb('VmRSS'),
    rssHighWater: kb('VmHWM'),
    imapProcesses: imapProcessCount(),
    ...(await scrape(origins)),
  };
}

export function startSampler(pids: () => number[], origins: string[], everyMs = 5_000) {
  let peaks = { ...EMPTY };
  let last = { ...EMPTY };
  let running = Promise.resolve();
  const tick = () => {
    running = sampleOnce(pids(), origins).then((s) => {
      last = s;
      peaks = Object.fromEntries(
        Object.entries(peaks).map(([k, v]) => [k, Math.max(v, s[k as keyof LoadPeaks])]),
      ) as unknown as LoadPeaks;
    });
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return {
    peaks: () => peaks,
    last: () => last,
    /** Peaks from now on (the step run's own, apart from the steady run's). */
    reset() {
      peaks = { ...EMPTY };
    },
    async stop() {
      clearInterval(timer);
      await running;
      return peaks;
    },
  };
}
