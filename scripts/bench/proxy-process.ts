import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mailStackProxyEnv } from '../mailstack/proxy-env';
import type { MemoryReading, SamplePeaks } from './proxy-child';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'proxy-child.ts');

/**
 * A real proxy (buildServer + loadConfig, real SQLite, the local mail stack) in a child process on
 * a free loopback port; requests reach it over real HTTP, as a browser's would.
 */
export async function startProxyProcess(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bp-bench-proxy-'));
  const child = fork(CHILD, [], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: {
      ...process.env,
      BENCH_PROXY_ENV: JSON.stringify({
        ...mailStackProxyEnv(),
        DATA_DIR: dataDir,
        STATIC_DIR: '/nonexistent',
        LOG_LEVEL: 'silent',
        QUOTA_WARNING_JOB_MINUTES: '0',
        ...env,
      }),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const rpc = childRpc(child);
  const { port } = (await rpc.ready) as { port: number };
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    pid: child.pid!,
    memory: () => rpc.call('memory') as Promise<MemoryReading>,
    /** live: a full GC before each sample, so the peak is of memory still referenced. */
    sampleStart: (live = false) => rpc.call(live ? 'sample-start-live' : 'sample-start'),
    sampleStop: () => rpc.call('sample-stop') as Promise<SamplePeaks>,
    poolSize: () => rpc.call('pool-size') as Promise<number>,
    /** Users with a live-update watcher, and how many of those are connected (IMAP IDLE). */
    liveConnections: () => rpc.call('live-connections') as Promise<{ watched: number; connected: number }>,
    logIn: (email: string, password: string) => logIn(origin, email, password),
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type ProxyProcess = Awaited<ReturnType<typeof startProxyProcess>>;

function childRpc(child: ChildProcess) {
  let nextId = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  let failed: (err: Error) => void = () => undefined;
  const ready = new Promise((resolve, reject) => {
    waiting.set(0, resolve);
    failed = reject;
  });
  child.on('message', (message: { id: number; result: unknown }) => {
    waiting.get(message.id)?.(message.result);
    waiting.delete(message.id);
  });
  child.once('exit', (code) => failed(new Error(`the proxy child exited (${code}) before it listened`)));
  return {
    ready,
    call(type: string): Promise<unknown> {
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        child.send({ id, type });
      });
    },
  };
}

/** Logs in as the SPA does: Origin of the site, a custom CSRF header, then the session's token. */
export async function logIn(origin: string, email: string, password: string) {
  const res = await fetch(`${origin}/api/session`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json', 'x-csrf-token': 'login' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login of ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('bp_session='));
  if (!cookie) throw new Error('no session cookie');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const headers = { origin, cookie, 'x-csrf-token': csrfToken, 'accept-language': 'vi' };
  return {
    origin,
    headers,
    /** GET that must answer 200; returns the parsed JSON, as the client's fetch layer does. */
    async getJson<T = unknown>(url: string): Promise<T> {
      const r = await fetch(`${origin}${url}`, { headers });
      if (r.status !== 200) throw new Error(`GET ${url}: ${r.status} ${await r.text()}`);
      return (await r.json()) as T;
    },
    /**
     * Opens the tab's live-update stream (GET /api/events, Server-Sent Events) and keeps reading
     * it, as the app's EventSource does; the returned function closes it.
     */
    async openEvents(): Promise<() => void> {
      const abort = new AbortController();
      const r = await fetch(`${origin}/api/events`, { headers, signal: abort.signal });
      if (r.status !== 200 || !r.body) throw new Error(`GET /api/events: ${r.status}`);
      const reader = r.body.getReader();
      void (async () => {
        while (!(await reader.read()).done);
      })().catch(() => undefined);
      return () => abort.abort();
    },
    /** Log-out closes the user's pooled IMAP connection. */
    async logOut() {
      const r = await fetch(`${origin}/api/session`, { method: 'DELETE', headers });
      if (r.status !== 204) throw new Error(`log-out: ${r.status} ${await r.text()}`);
    },
  };
}

export type BenchSession = Awaited<ReturnType<typeof logIn>>;
