import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));

/** The project's nginx site as an operator installs it (deploy/nginx/hop-thu.conf). */
export const DEPLOY_SITE = 'deploy/nginx/hop-thu.conf';

/**
 * A private nginx prefix for a site: a self-signed certificate where the site expects the
 * province's (/etc/ssl/hop-thu/), log and temporary folders, and an nginx.conf that includes the
 * site. Its access log names the instance that served each request. Nothing is started: the
 * caller runs nginx on it (`nginxArgs`), or `nginx -t` to check the site.
 */
export function nginxPrefix(
  dir: string,
  site: string,
  /** Connections nginx may hold (default 512); each live stream holds two, the browser's and the upstream's. */
  options: { workerConnections?: number } = {},
): string[] {
  if (!NGINX) throw new Error('nginx is not installed: run `bash scripts/deploy/ensure-nginx.sh` as root');
  mkdirSync(path.join(dir, 'logs'), { recursive: true });
  // Started as root, nginx's workers run as nobody: they must reach the prefix and write request
  // bodies (an upload of megabytes goes to a temporary file) into it.
  for (const folder of [path.dirname(dir), dir]) chmodSync(folder, 0o711);
  for (const temp of ['body', 'proxy']) {
    mkdirSync(path.join(dir, temp), { recursive: true });
    chmodSync(path.join(dir, temp), 0o777);
  }
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      path.join(dir, 'privkey.pem'),
      '-out',
      path.join(dir, 'fullchain.pem'),
    ],
    { stdio: 'ignore' },
  );
  writeFileSync(path.join(dir, 'site.conf'), site.replaceAll('/etc/ssl/hop-thu/', `${dir}/`));
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/logs/error.log warn;`,
      ...(options.workerConnections
        ? [
            `worker_rlimit_nofile ${options.workerConnections * 2};`,
            `events { worker_connections ${options.workerConnections}; }`,
          ]
        : ['events {}']),
      'http {',
      '  include /etc/nginx/mime.types;',
      "  log_format pair '$request_method $uri $status $upstream_addr';",
      `  access_log ${dir}/logs/access.log pair;`,
      `  client_body_temp_path ${dir}/body;`,
      `  proxy_temp_path ${dir}/proxy;`,
      `  include ${dir}/site.conf;`,
      '}',
    ].join('\n'),
  );
  return [NGINX, '-p', dir, '-c', `${dir}/nginx.conf`, '-e', `${dir}/logs/error.log`];
}

/**
 * Debian's nginx running the project's own site in a private prefix, with three changes only:
 * the upstream lists the given instances, it listens on a test port of 127.0.0.1, and the
 * certificate is a self-signed one made here.
 */
export async function startNginx(
  dir: string,
  listenPort: number,
  upstreamPorts: number[],
  options: { workerConnections?: number } = {},
) {
  const site = readFileSync(DEPLOY_SITE, 'utf8')
    .replace(/upstream hop_thu \{[^}]*\}/, () =>
      [
        'upstream hop_thu {',
        ...upstreamPorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`),
        '    keepalive 32;',
        '}',
      ].join('\n'),
    )
    // The plain-HTTP redirect server is not needed here, and port 80 may be taken.
    .replace(/server \{\s*listen 80;[\s\S]*?\n\}\n/, '')
    .replace(
      /listen 443 ssl http2;\s*listen \[::\]:443 ssl http2;/,
      `listen 127.0.0.1:${listenPort} ssl http2;`,
    );
  if (!site.includes(`127.0.0.1:${listenPort} ssl`))
    throw new Error('the deploy site changed shape: adapt startNginx');
  const [binary, ...args] = nginxPrefix(dir, site, options);
  const child: ChildProcess = spawn(binary!, args, { stdio: 'ignore' });
  await waitForPort(listenPort, 10_000);
  return {
    ca: readFileSync(path.join(dir, 'fullchain.pem')),
    /** Each request as nginx logged it: method, path, status and the upstream(s) it tried. */
    accessLog: () =>
      readFileSync(path.join(dir, 'logs/access.log'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [method, uri, status, ...upstreams] = line.split(' ');
          return { method, uri, status: Number(status), upstreams: upstreams.join(' ') };
        }),
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

export async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const { connect } = await import('node:net');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
}
