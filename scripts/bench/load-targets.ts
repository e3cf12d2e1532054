import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startNginx } from '../../proxy/test-support/nginx-pair';
import { type ProxyInstance, startProxyInstances } from '../../proxy/test-support/proxy-instances';
import { privateSchema } from '../../proxy/test-support/test-store';
import type { LoadTarget } from './load-client';

/**
 * What the simulated users talk to, as deployed: `npm run build`'s bundle under plain node
 * (startProxyInstances), one instance on SQLite, one on PostgreSQL, or two on PostgreSQL behind
 * the project's nginx site (startNginx).
 */
export type LoadVariantName = 'sqlite' | 'postgres' | 'pair';
export const LOAD_VARIANTS: LoadVariantName[] = ['sqlite', 'postgres', 'pair'];

export const VARIANT_TITLES: Record<LoadVariantName, string> = {
  sqlite: 'one instance, SQLite',
  postgres: 'one instance, PostgreSQL',
  pair: 'two instances behind nginx, PostgreSQL',
};

export interface RunningTarget extends LoadTarget {
  /** Each instance's origin, for its /metrics (scraped from 127.0.0.1, never through nginx). */
  instanceOrigins: string[];
  pids(): number[];
  stop(): Promise<void>;
}

const PORTS = [18281, 18282];
const NGINX_PORT = 18543;

const COMMON_ENV = {
  LOG_LEVEL: 'warn',
  // The background jobs are not what is measured, and would run on every variant.
  QUOTA_WARNING_JOB_MINUTES: '0',
  LIFECYCLE_JOB_HOUR: '-1',
  // What a browser's undo window delays is the client's wait, not the proxy's work.
  UNDO_SEND_SECONDS: '0',
};

export async function startLoadTarget(variant: LoadVariantName): Promise<RunningTarget> {
  // Inside the work tree (dist/ is ignored): the bundle imports its packages from node_modules.
  const dir = path.resolve('dist', `bench-load-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  // The project's private PostgreSQL (scripts/postgres/postgres.sh), a schema of the run's own.
  const store = variant === 'sqlite' ? null : await privateSchema('bench_load');
  const cleanUp = async () => {
    await store?.drop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  const ports = variant === 'pair' ? PORTS : PORTS.slice(0, 1);
  const origin = variant === 'pair' ? `https://127.0.0.1:${NGINX_PORT}` : `http://127.0.0.1:${ports[0]}`;
  let instances: ProxyInstance[] = [];
  try {
    instances = await startProxyInstances(dir, ports, {
      ...COMMON_ENV,
      PUBLIC_URL: origin,
      ...(store ? { DATABASE_URL: store.url } : {}),
      ...(variant === 'pair' ? { TRUST_PROXY_HOPS: '1' } : {}),
    });
    const nginx =
      variant === 'pair'
        ? await startNginx(path.join(dir, 'nginx'), NGINX_PORT, ports, { workerConnections: 8192 })
        : null;
    return {
      origin,
      ...(nginx ? { ca: nginx.ca } : {}),
      instanceOrigins: ports.map((p) => `http://127.0.0.1:${p}`),
      pids: () => instances.map((i) => i.pid()).filter((p): p is number => p !== undefined),
      async stop() {
        await nginx?.stop();
        for (const instance of instances) await instance.stop('SIGTERM');
        await cleanUp();
      },
    };
  } catch (err) {
    for (const instance of instances) await instance.stop('SIGKILL');
    await cleanUp();
    throw err;
  }
}
