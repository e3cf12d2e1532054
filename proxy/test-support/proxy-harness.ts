import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mailStackProxyEnv } from '../../scripts/mailstack/proxy-env';
import { readDemoAccounts } from '../../scripts/seed/demo-accounts';
import { loadConfig } from '../config';
import { buildServer } from '../server';

/**
 * A real proxy (in-process Fastify, real SQLite, real IMAP against the mail stack that `npm test`
 * started), driven through HTTP injection as a browser would, cookie and CSRF header included.
 */
export async function startProxy(env: Record<string, string> = {}) {
  const dataDir = env.DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'bp-proxy-'));
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    STATIC_DIR: '/nonexistent',
    // The test stack as the provider: its passdb for the password driver, doveadm, LMTP.
    ...mailStackProxyEnv(),
    // Tests run the quota warning job themselves (runOnce) rather than on a timer.
    QUOTA_WARNING_JOB_MINUTES: '0',
    // …and the daily lifecycle job too (runLifecycleJob with an injected clock).
    LIFECYCLE_JOB_HOUR: '-1',
    ...env,
    DATA_DIR: dataDir,
  });
  const { app, ctx } = await buildServer(config);
  await app.ready();
  return { app, ctx, dataDir, close: () => app.close() };
}

export type ProxyHarness = Awaited<ReturnType<typeof startProxy>>;

export function demoAccount(predicate: (a: ReturnType<typeof readDemoAccounts>[number]) => boolean) {
  const account = readDemoAccounts().find(predicate);
  if (!account) throw new Error('demo account not found');
  return account;
}

export const thanh = () => demoAccount((a) => a.email.startsWith('thanhtv.'));

const HOST = '127.0.0.1:8080';

/** Logs in and returns a client bound to that session. */
export async function logIn(proxy: ProxyHarness, email: string, password: string) {
  const res = await proxy.app.inject({
    method: 'POST',
    url: '/api/session',
    headers: { host: HOST, origin: `http://${HOST}`, 'x-csrf-token': 'login' },
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'bp_session');
  if (!cookie) throw new Error('no session cookie');
  const { csrfToken } = res.json() as { csrfToken: string };
  return sessionClient(proxy, `bp_session=${cookie.value}`, csrfToken);
}

export function sessionClient(proxy: ProxyHarness, cookie: string, csrfToken: string) {
  const request = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
    proxy.app.inject({
      method,
      url,
      headers: { host: HOST, cookie, 'x-csrf-token': csrfToken, 'accept-language': 'vi' },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  return {
    cookie,
    csrfToken,
    get: (url: string) => request('GET', url),
    post: (url: string, payload: unknown) => request('POST', url, payload),
    delete: (url: string) => request('DELETE', url),
  };
}

export const mbox = (path: string) => encodeURIComponent(path);
