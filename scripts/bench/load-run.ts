import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadClient } from './load-client';
import { imapProcessCount, type LoadPeaks, sampleOnce, startSampler } from './load-sampler';
import { LoadWindow } from './load-stats';
import { type LoadVariantName, startLoadTarget } from './load-targets';
import { jitter, type LoadRun, SimulatedUser } from './load-user';
import { LOAD_PASSWORD } from './load-users';

export interface LoadOptions {
  users: number;
  /** Log-ins spread over this long: a morning, not a stampede. */
  rampSeconds: number;
  steadySeconds: number;
  stepSeconds: number;
  thinkSeconds: number;
  searchMinutes: number;
  /** Across all users, each to another simulated user. */
  sendsPerMinute: number;
  /** The step run's think times, shortest last; it stops at the first step over its limit. */
  stepThinkSeconds: number[];
  /** The step run's limit on the reading requests' p95 (list and open). */
  stepLimitMs: number;
  progress(what: string): void;
}

export interface StepResult {
  thinkSeconds: number;
  offeredPerSecond: number;
  window: LoadWindow;
  /** The worse of list's and open's p95. */
  readP95: number;
  errors: number;
  within: boolean;
}

export interface VariantResult {
  variant: LoadVariantName;
  users: number;
  /** At the start of the steady run (the ramp and a minute's grace over). */
  loggedIn: number;
  streamsOpen: number;
  /** At its end: those whose log-in the ramp could not serve got in later. */
  loggedInAtEnd: number;
  streamsOpenAtEnd: number;
  ramp: LoadWindow;
  steady: LoadWindow;
  steps: StepResult[];
  before: LoadPeaks;
  imapBefore: number;
  steadyPeaks: LoadPeaks;
  stepPeaks: LoadPeaks;
  /** CPU time over the steady window, as a share of one core. */
  proxyCpu: number;
  driverCpu: number;
}

const STOP_GRACE_MS = 35_000;

/**
 * One variant, start to end: the proxy started as deployed, N users logging in over the ramp and
 * working at the steady pace (the figures against the targets), then the step run.
 */
export async function runVariant(
  variant: LoadVariantName,
  emails: string[],
  options: LoadOptions,
): Promise<VariantResult> {
  const imapBefore = imapProcessCount();
  const target = await startLoadTarget(variant);
  const client = loadClient(target);
  let window = new LoadWindow('ramp');
  let stopped = false;
  let interrupt = deferred();
  const pace = { thinkMs: options.thinkSeconds * 1000, searchMs: options.searchMinutes * 60_000 };
  const run: LoadRun = {
    client,
    origin: target.origin,
    pace,
    window: () => window,
    stopped: () => stopped,
    interrupted: () => interrupt.promise,
  };
  const setPace = (thinkSeconds: number) => {
    pace.thinkMs = thinkSeconds * 1000;
    // Searching keeps its share of the mix: every 10 actions, as every 5 min at one per 30 s.
    pace.searchMs = (thinkSeconds / options.thinkSeconds) * options.searchMinutes * 60_000;
    const previous = interrupt;
    interrupt = deferred();
    previous.resolve();
  };
  const before = await sampleOnce(target.pids(), target.instanceOrigins);
  const sampler = startSampler(target.pids, target.instanceOrigins);
  const users = emails.map((email) => new SimulatedUser(email, LOAD_PASSWORD, run));
  try {
    const rampMs = options.rampSeconds * 1000;
    const lives = users.map(async (user, i) => {
      await sleep((i / users.length) * rampMs);
      await user.live();
    });
    const sends = sendNowAndThen(users, options.sendsPerMinute, () => stopped);

    options.progress(`${variant}: ${users.length} users logging in over ${options.rampSeconds} s`);
    await sleep(rampMs);
    const settled = performance.now() + 60_000;
    while (performance.now() < settled && users.some((u) => !u.loggedIn || !u.streamOpen)) await sleep(1000);
    const loggedIn = users.filter((u) => u.loggedIn).length;
    const streamsOpen = users.filter((u) => u.streamOpen).length;
    options.progress(`${variant}: ${loggedIn} logged in, ${streamsOpen} live streams open; steady run`);

    window.end();
    const ramp = window;
    window = new LoadWindow('steady');
    const cpuStart = cpuTimes(target.pids());
    await sleep(options.steadySeconds * 1000);
    window.end();
    const steady = window;
    const loggedInAtEnd = users.filter((u) => u.loggedIn).length;
    const streamsOpenAtEnd = users.filter((u) => u.streamOpen).length;
    const cpuEnd = cpuTimes(target.pids());
    const steadySeconds = steady.seconds();
    const proxyCpu = (cpuEnd.proxy - cpuStart.proxy) / steadySeconds;
    const driverCpu = (cpuEnd.driver - cpuStart.driver) / steadySeconds;
    const steadyPeaks = sampler.peaks();
    options.progress(
      `${variant}: steady ${steady.requestsPerSecond().toFixed(1)} req/s, list p95 ` +
        `${steady.summary('list').p95.toFixed(0)} ms, ${steady.errorCount()} errors`,
    );

    sampler.reset();
    const steps: StepResult[] = [];
    for (const thinkSeconds of options.stepThinkSeconds) {
      setPace(thinkSeconds);
      window = new LoadWindow(`think ${thinkSeconds} s`);
      await sleep(options.stepSeconds * 1000);
      window.end();
      const readP95 = Math.max(window.summary('list').p95, window.summary('open').p95);
      const errors = window.errorCount();
      const within = readP95 <= options.stepLimitMs && errors === 0;
      steps.push({
        thinkSeconds,
        offeredPerSecond: users.length / thinkSeconds,
        window,
        readP95,
        errors,
        within,
      });
      options.progress(
        `${variant}: think ${thinkSeconds} s, ${window.requestsPerSecond().toFixed(1)} req/s, ` +
          `read p95 ${readP95.toFixed(0)} ms, ${errors} errors`,
      );
      if (!within) break;
    }
    const stepPeaks = sampler.peaks();

    stopped = true;
    interrupt.resolve();
    await Promise.race([Promise.all([...lives, sends]), sleep(STOP_GRACE_MS)]);
    return {
      variant,
      users: users.length,
      loggedIn,
      streamsOpen,
      loggedInAtEnd,
      streamsOpenAtEnd,
      ramp,
      steady,
      steps,
      before,
      imapBefore,
      steadyPeaks,
      stepPeaks,
      proxyCpu,
      driverCpu,
    };
  } finally {
    stopped = true;
    interrupt.resolve();
    await sampler.stop();
    client.close();
    await target.stop();
  }
}

/** A few sends a minute in all, each from one logged-in user to another. */
async function sendNowAndThen(users: SimulatedUser[], perMinute: number, stopped: () => boolean) {
  if (perMinute <= 0) return;
  const pending: Promise<void>[] = [];
  while (!stopped()) {
    await sleep(jitter(60_000 / perMinute));
    const ready = users.filter((u) => u.loggedIn);
    if (stopped() || ready.length < 2) continue;
    const from = ready[Math.floor(Math.random() * ready.length)]!;
    const others = ready.filter((u) => u !== from);
    const to = others[Math.floor(Math.random() * others.length)]!;
    pending.push(from.send(to.email));
  }
  await Promise.all(pending);
}

function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Seconds of CPU used so far: the proxy processes' (from /proc) and this driver's own. */
function cpuTimes(pids: number[]): { proxy: number; driver: number } {
  const ticks = 100; // USER_HZ on Linux
  let proxy = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      proxy += (Number(fields[11]) + Number(fields[12])) / ticks;
    } catch {
      // the process ended
    }
  }
  const usage = process.cpuUsage();
  return { proxy, driver: (usage.user + usage.system) / 1e6 };
}
