import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, type ProxyHarness, startProxy, thanh } from '../test-support/proxy-harness';

/** A port nothing listens on: taken from the kernel, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('health and readiness against the real mail stack', () => {
  let proxy: ProxyHarness;
  beforeAll(async () => {
    proxy = await startProxy();
  });
  afterAll(async () => {
    await proxy.close();
  });

  it('/healthz answers without a session and is never cached', async () => {
    const res = await proxy.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('/readyz reports IMAP, SMTP and the store ready, each with its latency', async () => {
    const res = await proxy.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body.status).toBe('ready');
    for (const check of ['imap', 'smtp', 'store']) {
      expect(body.checks[check]).toMatchObject({ ok: true });
      expect(body.checks[check].ms).toBeGreaterThanOrEqual(0);
    }
  });

  it('exposes the source link of AGPL §13 in the public configuration', async () => {
    const res = await proxy.app.inject({ method: 'GET', url: '/api/config' });
    expect(res.json().sourceUrl).toBe('/source.tar.gz');
  });
});

describe('readiness when the provider is down', () => {
  it('answers 503 naming SMTP when nothing listens on its port', async () => {
    const proxy = await startProxy({ SMTP_PORT: String(await closedPort()) });
    try {
      const res = await proxy.app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      const body = res.json();
      expect(body.status).toBe('not_ready');
      expect(body.checks.smtp).toMatchObject({ ok: false, error: 'ECONNREFUSED' });
      expect(body.checks.imap.ok).toBe(true);
      expect(body.checks.store.ok).toBe(true);
      // Alive all the same: a restart would not bring Postfix back.
      expect((await proxy.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await proxy.close();
    }
  });
});

describe('Prometheus metrics', () => {
  let proxy: ProxyHarness;
  const token = 'scrape-token-0123456789';
  beforeAll(async () => {
    proxy = await startProxy({ METRICS_TOKEN: token, SOURCE_URL: 'https://git.example.vn/hop-thu' });
  });
  afterAll(async () => {
    await proxy.close();
  });
  const scrape = (remoteAddress: string, headers: Record<string, string> = {}) =>
    proxy.app.inject({ method: 'GET', url: '/metrics', remoteAddress, headers });

  it('counts log-ins, sessions and requests by route pattern, for a scraper on the host', async () => {
    const a = thanh();
    const client = await logIn(proxy, a.email, a.password);
    await client.get('/api/mailboxes/INBOX/messages');
    const res = await scrape('127.0.0.1');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatch(/^bp_logins_total\{result="success"\} 1$/m);
    expect(res.body).toMatch(/^bp_active_sessions 1$/m);
    expect(res.body).toMatch(/bp_http_requests_total\{method="POST",route="\/api\/session",status="200"\} 1/);
    expect(res.body).toContain('route="/api/mailboxes/:mailbox/messages"');
    expect(res.body).not.toContain('INBOX');
    expect(res.body).toMatch(/^bp_imap_pool_connections 1$/m);
    expect(res.body).toContain('bp_http_request_duration_seconds_bucket');
  });

  it('counts a wrong password as a failure', async () => {
    await proxy.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { host: '127.0.0.1:8080', origin: 'http://127.0.0.1:8080', 'x-csrf-token': 'login' },
      payload: { email: thanh().email, password: 'Sai#MatKhau99' },
    });
    expect((await scrape('::1')).body).toMatch(/^bp_logins_total\{result="failure"\} 1$/m);
  });

  it('is not found from another address, unless the bearer token is given', async () => {
    expect((await scrape('198.51.100.9')).statusCode).toBe(404);
    expect((await scrape('198.51.100.9', { authorization: 'Bearer wrong-token-000000000' })).statusCode).toBe(
      404,
    );
    expect((await scrape('198.51.100.9', { authorization: `Bearer ${token}` })).statusCode).toBe(200);
  });

  it('shows the configured SOURCE_URL in the public configuration', async () => {
    const res = await proxy.app.inject({ method: 'GET', url: '/api/config' });
    expect(res.json().sourceUrl).toBe('https://git.example.vn/hop-thu');
  });
});
