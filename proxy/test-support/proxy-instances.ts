import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildProxy } from '../../scripts/build/build-proxy';
import { mailStackProxyEnv } from '../../scripts/mailstack/proxy-env';
import { waitForPort } from './nginx-pair';

export interface ProxyInstance {
  id: string;
  port: number;
  /** The process's output so far (log lines at LOG_LEVEL). */
  output(): string;
  /** The running process's id (its memory is read from /proc), undefined while stopped. */
  pid(): number | undefined;
  /** SIGKILL by default: an instance that dies, not one that is shut down politely. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  start(): Promise<void>;
}

/**
 * Production proxies as an operator runs them: `npm run build`'s bundle started with plain node,
 * each its own process, port and data directory, all sharing one store (DATABASE_URL).
 */
/** The bundle startProxyInstances built, removed when the test is done with it. */
export function removeProxyBundle(): void {
  rmSync(path.resolve('dist', `.test-proxy-${process.pid}`), { recursive: true, force: true });
}

export async function startProxyInstances(
  dir: string,
  ports: number[],
  env: Record<string, string>,
): Promise<ProxyInstance[]> {
  // Inside the checkout, so that the bundle's packages resolve from its node_modules as they do
  // for dist/proxy in production.
  const bundle = path.resolve('dist', `.test-proxy-${process.pid}`);
  await buildProxy(bundle);
  return Promise.all(
    ports.map(async (port, i) => {
      const id = `instance-${String.fromCharCode(97 + i)}`;
      const dataDir = path.join(dir, id);
      mkdirSync(dataDir, { recursive: true });
      let child: ChildProcess | null = null;
      let output = '';
      const instance: ProxyInstance = {
        id,
        port,
        output: () => output,
        pid: () => child?.pid,
        async start() {
          child = spawn(process.execPath, [path.join(bundle, 'main.js')], {
            cwd: process.cwd(),
            env: {
              PATH: process.env.PATH ?? '/usr/bin:/bin',
              LOG_LEVEL: 'warn',
              STATIC_DIR: '/nonexistent',
              ...mailStackProxyEnv(),
              ...env,
              HOST: '127.0.0.1',
              PORT: String(port),
              INSTANCE_ID: id,
              DATA_DIR: dataDir,
            },
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          child.stdout?.on('data', (b: Buffer) => {
            output += b.toString();
          });
          child.stderr?.on('data', (b: Buffer) => {
            output += b.toString();
          });
          await waitForPort(port, 20_000).catch((err: unknown) => {
            throw new Error(`${id} did not start: ${String(err)}\n${output}`);
          });
        },
        async stop(signal: NodeJS.Signals = 'SIGKILL') {
          const running = child;
          if (!running || running.exitCode !== null) return;
          const exited = new Promise((resolve) => running.once('exit', resolve));
          running.kill(signal);
          await exited;
          child = null;
        },
      };
      await instance.start();
      return instance;
    }),
  );
}
