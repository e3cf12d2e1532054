import { loadConfig } from '../../proxy/config';
import { buildServer } from '../../proxy/server';

/**
 * The proxy under measurement, alone in its own Node process (forked by proxy-process.ts with
 * --expose-gc), so that its memory figures hold nothing of the benchmark's client side. It answers
 * a few IPC requests: a garbage-collected memory reading, a 5 ms memory sampler (or a slower one
 * that collects garbage before each sample, to see what is really held), the pool size, the
 * live-update watchers.
 */
export type ChildRequest =
  | { id: number; type: 'memory' }
  | { id: number; type: 'sample-start' }
  | { id: number; type: 'sample-start-live' }
  | { id: number; type: 'sample-stop' }
  | { id: number; type: 'pool-size' }
  | { id: number; type: 'live-connections' };

export interface MemoryReading {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export interface SamplePeaks {
  samples: number;
  rss: number;
  /** heapUsed + external at the same instant. */
  heapPlusExternal: number;
}

const env = JSON.parse(process.env.BENCH_PROXY_ENV ?? '{}') as Record<string, string>;
const { app, ctx } = await buildServer(loadConfig(env));
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;

let sampler: NodeJS.Timeout | undefined;
let peaks: SamplePeaks = { samples: 0, rss: 0, heapPlusExternal: 0 };

function sample(collect = false) {
  if (collect) (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  peaks.samples++;
  peaks.rss = Math.max(peaks.rss, m.rss);
  peaks.heapPlusExternal = Math.max(peaks.heapPlusExternal, m.heapUsed + m.external);
}

/** Several full collections: one pass leaves what weak callbacks and finalizers free for the next. */
async function collectedMemory(): Promise<MemoryReading> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('the proxy child needs --expose-gc');
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers };
}

process.on('message', async (request: ChildRequest) => {
  let result: unknown;
  switch (request.type) {
    case 'memory':
      result = await collectedMemory();
      break;
    case 'sample-start':
      peaks = { samples: 0, rss: 0, heapPlusExternal: 0 };
      sample();
      sampler = setInterval(sample, 5);
      result = null;
      break;
    case 'sample-start-live':
      // What is still referenced: a full GC before every sample (every 25 ms, as a GC takes ms).
      peaks = { samples: 0, rss: 0, heapPlusExternal: 0 };
      sample(true);
      sampler = setInterval(() => sample(true), 25);
      result = null;
      break;
    case 'sample-stop':
      clearInterval(sampler);
      sample();
      result = peaks;
      break;
    case 'pool-size':
      result = ctx.imap.size();
      break;
    case 'live-connections':
      result = { watched: ctx.live.watchedUsers(), connected: ctx.live.idleConnections() };
      break;
  }
  process.send?.({ id: request.id, result });
});

process.on('disconnect', () => {
  app.close().finally(() => process.exit(0));
});

process.send?.({ id: 0, result: { port } });
