import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeMailUser, upsertMailUser } from '../../scripts/mailstack/mail-users';
import { mailStackPorts } from '../../scripts/mailstack/paths';
import { deliverViaLmtp } from '../../scripts/seed/lmtp-delivery';
import { resetPassword, setAccountState } from '../accounts/admin-actions';
import { logIn, type ProxyHarness, startProxy } from '../test-support/proxy-harness';

const HOST = '127.0.0.1:8080';
const loginHeaders = { host: HOST, origin: `http://${HOST}`, 'x-csrf-token': 'login' };
const ADMIN = { name: 'admin:test' };

/** A fresh mailbox per test file: changing demo passwords would break every other test. */
const account = { email: 'doimatkhau.sttt@binhphuoc.gov.vn', password: 'BanDau#Hue2026' };

function postLogin(proxy: ProxyHarness, email: string, password: string) {
  return proxy.app.inject({
    method: 'POST',
    url: '/api/session',
    headers: loginHeaders,
    payload: { email, password },
  });
}

async function imapAccepts(email: string, password: string): Promise<boolean> {
  const client = new ImapFlow({
    host: mailStackPorts.host,
    port: mailStackPorts.imap,
    secure: false,
    auth: { user: email, pass: password },
    logger: false,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.logout();
    return true;
  } catch {
    return false;
  }
}

describe('POST /api/password: Đ9 rules, the provider, history (passwd-file driver, real Dovecot)', () => {
  let proxy: ProxyHarness;
  let current = account.password;

  beforeAll(async () => {
    upsertMailUser({ ...account, quotaBytes: 2 * 1024 ** 3, suspendReason: null });
    proxy = await startProxy();
  });
  afterAll(async () => {
    await proxy.close();
    removeMailUser(account.email);
  });

  async function change(client: Awaited<ReturnType<typeof logIn>>, next: string, from = current) {
    const res = await client.post('/api/password', { current: from, next });
    if (res.statusCode === 204) current = next;
    return res;
  }

  it('refuses a password that breaks a rule, naming every broken rule, without asking the provider', async () => {
    const client = await logIn(proxy, account.email, current);
    const res = await change(client, 'matkhau123');
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('password_needs_upper');
    expect(error.details.failed.split(',')).toEqual(
      expect.arrayContaining(['password_needs_upper', 'password_needs_special']),
    );
    expect(error.message).toBe('Mật khẩu phải có ít nhất một chữ in hoa (A–Z).');
    expect(await imapAccepts(account.email, current)).toBe(true);
  });

  it('refuses the regulation’s own example, accented letters (an IME left on) and the current password', async () => {
    const client = await logIn(proxy, account.email, current);
    expect((await change(client, 'Matkhau@123')).json().error.code).toBe('password_common');
    const accented = (await change(client, 'Thành#Phố2026')).json().error;
    expect(accented.code).toBe('password_non_ascii');
    expect(accented.message).toContain('bộ gõ tiếng Việt');
    expect((await change(client, current)).json().error.code).toBe('password_same_as_current');
  });

  it('refuses a wrong current password with its own code and keeps the session', async () => {
    const client = await logIn(proxy, account.email, current);
    const res = await change(client, 'Xuan#Moi2026a', 'Sai#MatKhau2026');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('current_password_incorrect');
    expect((await client.get('/api/mailboxes')).statusCode).toBe(200);
  });

  it('changes the password at Dovecot: the old one stops working, the session goes on, other sessions end', async () => {
    const other = await logIn(proxy, account.email, current);
    const client = await logIn(proxy, account.email, current);
    const old = current;
    const res = await change(client, 'Xuan#Moi2026a');
    expect(res.statusCode).toBe(204);

    expect(await imapAccepts(account.email, old)).toBe(false);
    expect(await imapAccepts(account.email, 'Xuan#Moi2026a')).toBe(true);
    expect((await postLogin(proxy, account.email, old)).statusCode).toBe(401);
    expect((await client.get('/api/mailboxes')).statusCode).toBe(200);
    expect((await other.get('/api/mailboxes')).json().error.code).toBe('not_authenticated');

    const audit = (await proxy.ctx.audit.forAccount(account.email)).filter(
      (e) => e.action === 'password_change',
    );
    expect(audit.map((e) => e.outcome)).toEqual(
      expect.arrayContaining(['ok', 'password_common', 'current_password_incorrect']),
    );
    expect(JSON.stringify(audit)).not.toContain('Xuan#Moi2026a');
  });

  it('refuses any of the last 5 passwords, and accepts the oldest once it has dropped out', async () => {
    const client = await logIn(proxy, account.email, current);
    expect((await change(client, account.password)).json().error).toMatchObject({
      code: 'password_reused',
      details: { count: 5 },
    });
    for (const next of ['Xuan#Moi2026b', 'Xuan#Moi2026c', 'Xuan#Moi2026d', 'Xuan#Moi2026e']) {
      expect((await change(client, next)).statusCode).toBe(204);
    }
    // Current "e"; the five before it are d, c, b, a and BanDau…: still refused. After "f" it may return.
    expect((await change(client, account.password)).json().error.code).toBe('password_reused');
    expect((await change(client, 'Xuan#Moi2026f')).statusCode).toBe(204);
    expect((await change(client, account.password)).statusCode).toBe(204);
  }, 30_000);
});

describe('first log-in after an admin reset (Đ6.3c) and the monthly change (Đ13.3)', () => {
  let proxy: ProxyHarness;
  const user = { email: 'daulan.sttt@binhphuoc.gov.vn', password: 'DauTien#Hue26' };

  beforeAll(async () => {
    upsertMailUser({ ...user, quotaBytes: 2 * 1024 ** 3, suspendReason: null });
    proxy = await startProxy();
  });
  afterAll(async () => {
    await proxy.close();
    removeMailUser(user.email);
  });

  it('limits the session to the change form until a new password is set, then opens the mailbox', async () => {
    const before = await logIn(proxy, user.email, user.password);
    const temporary = await resetPassword(proxy.ctx, user.email, ADMIN);
    expect(temporary).toMatch(/^[\x21-\x7e]{14,}$/);
    expect((await before.get('/api/mailboxes')).json().error.code).toBe('not_authenticated');
    expect(await imapAccepts(user.email, temporary)).toBe(true);

    const login = await postLogin(proxy, user.email, temporary);
    expect(login.json().password).toMatchObject({ changeRequired: 'first_login' });
    const client = await logIn(proxy, user.email, temporary);
    const blocked = await client.get('/api/mailboxes');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error).toMatchObject({
      code: 'password_change_required',
      details: { reason: 'first_login' },
    });
    expect((await client.get('/api/session')).json().password.changeRequired).toBe('first_login');

    expect(
      (await client.post('/api/password', { current: temporary, next: 'CuaToi#Hue26' })).statusCode,
    ).toBe(204);
    expect((await client.get('/api/session')).json().password.changeRequired).toBeNull();
    expect((await client.get('/api/mailboxes')).statusCode).toBe(200);
    user.password = 'CuaToi#Hue26';
    expect((await proxy.ctx.audit.forAccount(user.email)).map((e) => e.action)).toContain('password_reset');
  });

  it('reminds from day 25 and requires the change from day 30', async () => {
    const setAge = (days: number) =>
      proxy.ctx.store.db
        .updateTable('accounts')
        .set({ password_changed_at: Date.now() - days * 86_400_000 - 60_000 })
        .where('email', '=', user.email)
        .execute();
    const client = await logIn(proxy, user.email, user.password);

    await setAge(26);
    expect((await client.get('/api/session')).json().password).toMatchObject({
      changeRequired: null,
      ageDays: 26,
      daysLeft: 4,
    });
    expect((await client.get('/api/mailboxes')).statusCode).toBe(200);

    await setAge(30);
    expect((await client.get('/api/mailboxes')).json().error).toMatchObject({
      code: 'password_change_required',
      details: { reason: 'expired' },
    });
  });
});

describe('suspended and revoked accounts in the policy store (Đ6.1, Đ6.2)', () => {
  let proxy: ProxyHarness;
  const user = { email: 'tamkhoa.sttt@binhphuoc.gov.vn', password: 'TamKhoa#Hue26' };

  beforeAll(async () => {
    upsertMailUser({ ...user, quotaBytes: 2 * 1024 ** 3, suspendReason: null });
    proxy = await startProxy();
  });
  afterAll(async () => {
    await proxy.close();
    removeMailUser(user.email);
  });

  it('suspends at the provider too: open sessions end, log-in says why, mail is still delivered', async () => {
    const client = await logIn(proxy, user.email, user.password);
    const reason = 'Nghỉ hưu theo Quyết định số 12/QĐ-UBND';
    const { atProvider } = await setAccountState(proxy.ctx, user.email, 'suspended', reason, ADMIN);
    expect(atProvider).toBe(true);

    expect((await client.get('/api/mailboxes')).json().error.code).toBe('not_authenticated');
    expect(await imapAccepts(user.email, user.password)).toBe(false);

    const res = await postLogin(proxy, user.email, user.password);
    expect(res.statusCode).toBe(423);
    expect(res.json().error).toMatchObject({ code: 'account_suspended', details: { reason } });
    const raw = Buffer.from(
      `From: vanthu@binhphuoc.gov.vn\r\nTo: ${user.email}\r\nSubject: =?UTF-8?B?${Buffer.from('Công văn đến').toString('base64')}?=\r\n\r\nVẫn nhận thư.\r\n`,
    );
    const [delivery] = await deliverViaLmtp([{ from: 'vanthu@binhphuoc.gov.vn', to: [user.email], raw }]);
    expect(delivery?.accepted).toEqual([user.email]);
    // A guesser learns nothing: a wrong password is just a wrong password.
    expect((await postLogin(proxy, user.email, 'Sai#MatKhau2026')).json().error.code).toBe(
      'invalid_credentials',
    );
  });

  it('revokes: no log-in at all, with its own code; restoring opens the mailbox again', async () => {
    await setAccountState(proxy.ctx, user.email, 'revoked', null, ADMIN);
    const res = await postLogin(proxy, user.email, user.password);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('account_revoked');

    await setAccountState(proxy.ctx, user.email, 'active', null, ADMIN);
    expect((await postLogin(proxy, user.email, user.password)).statusCode).toBe(200);
  });
});
