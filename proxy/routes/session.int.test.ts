import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMailUserPassword } from '../../scripts/mailstack/mail-users';
import {
  demoAccount,
  logIn,
  type ProxyHarness,
  sessionClient,
  startProxy,
  thanh,
} from '../test-support/proxy-harness';

const HOST = '127.0.0.1:8080';
const loginHeaders = { host: HOST, origin: `http://${HOST}`, 'x-csrf-token': 'login' };

function postLogin(proxy: ProxyHarness, payload: object, headers: Record<string, string> = loginHeaders) {
  return proxy.app.inject({ method: 'POST', url: '/api/session', headers, payload });
}

describe('POST /api/session against the real Dovecot', () => {
  let proxy: ProxyHarness;
  beforeAll(async () => {
    proxy = await startProxy();
  });
  afterAll(async () => {
    await proxy.close();
  });

  it('logs in with IMAP credentials and sets an httpOnly, SameSite=Strict cookie scoped to /api', async () => {
    const a = thanh();
    const res = await postLogin(proxy, { email: a.email.toUpperCase(), password: a.password });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email: a.email });
    const cookie = res.cookies.find((c) => c.name === 'bp_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api' });
    expect(res.body).not.toContain(a.password);
  });

  it('refuses a wrong password with 401 invalid_credentials and a Vietnamese message', async () => {
    const res = await postLogin(proxy, { email: thanh().email, password: 'Sai#MatKhau99' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({
      error: { code: 'invalid_credentials', message: 'Địa chỉ thư hoặc mật khẩu không đúng.' },
    });
    expect(res.cookies).toHaveLength(0);
  });

  it('refuses a suspended (nologin) mailbox with 423 account_suspended and its reason (Đ6.1)', async () => {
    const suspended = demoAccount((a) => a.suspended);
    const res = await postLogin(proxy, { email: suspended.email, password: suspended.password });
    expect(res.statusCode).toBe(423);
    const body = res.json();
    expect(body.error.code).toBe('account_suspended');
    expect(body.error.details.reason.length).toBeGreaterThan(0);
  });

  it('refuses a login without the anti-CSRF header or from another origin', async () => {
    const a = thanh();
    const noHeader = await postLogin(proxy, { email: a.email, password: a.password }, { host: HOST });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().error.code).toBe('csrf_failed');
    const crossSite = await postLogin(
      proxy,
      { email: a.email, password: a.password },
      { ...loginHeaders, origin: 'https://evil.example' },
    );
    expect(crossSite.statusCode).toBe(403);
  });

  it('rejects a malformed body with 400 validation_failed', async () => {
    const res = await postLogin(proxy, { email: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });

  it('answers who is logged in, requires the session token for changes, and logs out', async () => {
    const a = thanh();
    const client = await logIn(proxy, a.email, a.password);
    const me = await client.get('/api/session');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: a.email, csrfToken: client.csrfToken });

    const forged = sessionClient(proxy, client.cookie, 'not-the-token');
    expect((await forged.delete('/api/session')).statusCode).toBe(403);

    expect((await client.delete('/api/session')).statusCode).toBe(204);
    const after = await client.get('/api/session');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('not_authenticated');
  });

  it('keeps no plaintext password in the store', async () => {
    const a = thanh();
    await logIn(proxy, a.email, a.password);
    const rows = await proxy.ctx.store.db.selectFrom('sessions').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(a.password);
    expect(Buffer.concat(rows.map((r) => r.secret_box)).includes(a.password)).toBe(false);
  });
});

describe('sessions across a proxy restart', () => {
  it('keep working with the same cookie', async () => {
    const a = thanh();
    const first = await startProxy();
    const client = await logIn(first, a.email, a.password);
    await first.close();
    const second = await startProxy({ DATA_DIR: first.dataDir });
    try {
      const again = sessionClient(second, client.cookie, client.csrfToken);
      const res = await again.get('/api/mailboxes');
      expect(res.statusCode).toBe(200);
    } finally {
      await second.close();
    }
  });
});

describe('when the provider is down', () => {
  it('login answers 503 provider_unavailable', async () => {
    const proxy = await startProxy({ IMAP_PORT: '1' });
    try {
      const a = thanh();
      const res = await postLogin(proxy, { email: a.email, password: a.password });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('provider_unavailable');
    } finally {
      await proxy.close();
    }
  });
});

describe('brute-force protection at log-in', () => {
  it('blocks an account from one address after repeated failures, not from another address', async () => {
    const proxy = await startProxy({ LOGIN_MAX_FAILURES: '3' });
    try {
      const a = thanh();
      const attempt = (password: string, remoteAddress: string) =>
        proxy.app.inject({
          method: 'POST',
          url: '/api/session',
          headers: loginHeaders,
          remoteAddress,
          payload: { email: a.email, password },
        });
      const forged = (i: number) => ({ 'x-forwarded-for': `6.6.6.${i}` });
      for (let i = 0; i < 3; i++) {
        // A forged X-Forwarded-For changes nothing: no proxy is configured in front.
        const res = await proxy.app.inject({
          method: 'POST',
          url: '/api/session',
          headers: { ...loginHeaders, ...forged(i) },
          remoteAddress: '10.9.9.9',
          payload: { email: a.email, password: 'Sai#MatKhau99' },
        });
        expect(res.statusCode).toBe(401);
      }
      const blocked = await attempt(a.password, '10.9.9.9');
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.code).toBe('too_many_attempts');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect(blocked.json().error.message).toMatch(/thử lại sau \d+ phút/);
      // The owner at their own desk is not locked out by the attacker.
      expect((await attempt(a.password, '10.1.1.1')).statusCode).toBe(200);
    } finally {
      await proxy.close();
    }
  });
});

describe('audit log of log-ins (Đ7.1)', () => {
  it('records failures with their code, successes and log-outs, with the address and never the password', async () => {
    const proxy = await startProxy();
    try {
      const a = thanh();
      await postLogin(proxy, { email: a.email, password: 'Sai#MatKhau99' });
      const client = await logIn(proxy, a.email, a.password);
      await client.delete('/api/session');
      const entries = await proxy.ctx.audit.forAccount(a.email);
      expect(entries.map((e) => `${e.action}:${e.outcome}`)).toEqual([
        'logout:ok',
        'login:ok',
        'login:invalid_credentials',
      ]);
      expect(entries.every((e) => e.ip === '127.0.0.1')).toBe(true);
      const dump = JSON.stringify(await proxy.ctx.store.db.selectFrom('audit_log').selectAll().execute());
      expect(dump).not.toContain(a.password);
      expect(dump).not.toContain('Sai#MatKhau99');
    } finally {
      await proxy.close();
    }
  });
});

describe('the pooled IMAP connection', () => {
  it('is not disturbed by somebody trying wrong passwords for the same account', async () => {
    const proxy = await startProxy();
    try {
      const a = thanh();
      const owner = await logIn(proxy, a.email, a.password);
      expect((await owner.get('/api/mailboxes')).statusCode).toBe(200);
      const wrong = await postLogin(proxy, { email: a.email, password: 'Sai#MatKhau99' });
      expect(wrong.statusCode).toBe(401);
      const [list, boxes] = await Promise.all([
        owner.get('/api/mailboxes/INBOX/messages?limit=5'),
        owner.get('/api/mailboxes'),
      ]);
      expect([list.statusCode, boxes.statusCode]).toEqual([200, 200]);
      expect(proxy.ctx.imap.size()).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it('ends the session when the password was changed elsewhere (Đ13.3), instead of retrying it', async () => {
    const proxy = await startProxy();
    const a = thanh();
    try {
      const client = await logIn(proxy, a.email, a.password);
      await proxy.ctx.imap.release(a.email); // as after an idle close
      setMailUserPassword(a.email, 'Doi#MatKhau2027');
      const res = await client.get('/api/mailboxes');
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('not_authenticated');
      expect((await client.get('/api/session')).statusCode).toBe(401);
    } finally {
      setMailUserPassword(a.email, a.password);
      await proxy.close();
    }
  });
});
