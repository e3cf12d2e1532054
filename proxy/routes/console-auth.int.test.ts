import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleMe, SecondFactorEnrolment } from '../../common/contract';
import { consoleUser, totpCode } from '../test-support/console-admin';
import { freshMailbox } from '../test-support/fresh-mailbox';
import { logIn, type ProxyHarness, startProxy } from '../test-support/proxy-harness';

describe('the console’s door: roles and the second factor', () => {
  let proxy: ProxyHarness;
  const cleanup: (() => void)[] = [];
  beforeAll(async () => {
    proxy = await startProxy();
  });
  afterAll(async () => {
    await proxy.close();
    for (const c of cleanup) c();
  });

  it('refuses an ordinary user with 403 forbidden, and says role user in the session', async () => {
    const user = freshMailbox('nguoidung');
    cleanup.push(user.remove);
    const client = await logIn(proxy, user.email, user.password);
    expect((await client.get('/api/session')).json().role).toBe('user');
    const res = await client.get('/api/console/me');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });

  it('enrols an admin: QR code, a wrong code refused, the right one gives 10 recovery codes', async () => {
    const admin = freshMailbox('quantri');
    cleanup.push(admin.remove);
    await proxy.ctx.accounts.setProfile(admin.email, { role: 'admin' });
    const client = await logIn(proxy, admin.email, admin.password);
    let me = (await client.get('/api/console/me')).json() as ConsoleMe;
    expect(me).toMatchObject({ role: 'admin', secondFactor: { enrolled: false, verified: false } });

    const enrolment = (
      await client.post('/api/console/second-factor/enrol', {})
    ).json() as SecondFactorEnrolment;
    expect(enrolment.qrSvg).toContain('<svg');
    expect(enrolment.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    const wrong = await client.post('/api/console/second-factor/confirm', { code: '000000' });
    expect(wrong.json().error.code).toBe('second_factor_invalid');
    const right = await client.post('/api/console/second-factor/confirm', {
      code: totpCode(enrolment.secret),
    });
    expect(right.statusCode).toBe(200);
    expect(right.json().codes).toHaveLength(10);
    me = (await client.get('/api/console/me')).json() as ConsoleMe;
    expect(me.secondFactor).toEqual({ enrolled: true, verified: true, recoveryCodesLeft: 10 });
    const audit = (await proxy.ctx.audit.forAccount(admin.email)).map((e) => `${e.action}:${e.outcome}`);
    expect(audit).toContain('second_factor_enrol:ok');
  });

  it('asks a new session for the code; a code works once; a recovery code works once', async () => {
    const admin = await consoleUser(proxy);
    cleanup.push(admin.remove);
    const again = await logIn(proxy, admin.email, admin.password);
    const me = (await again.get('/api/console/me')).json() as ConsoleMe;
    expect(me.secondFactor).toMatchObject({ enrolled: true, verified: false });
    // Enrolling anew needs the factor in force first: a stolen password alone cannot replace it.
    expect((await again.post('/api/console/second-factor/enrol', {})).json().error.code).toBe(
      'second_factor_already_enrolled',
    );

    const code = totpCode(admin.secret, 1);
    expect((await again.post('/api/console/second-factor/verify', { code })).statusCode).toBe(204);
    const third = await logIn(proxy, admin.email, admin.password);
    expect((await third.post('/api/console/second-factor/verify', { code })).json().error.code).toBe(
      'second_factor_invalid',
    );
    const recovery = admin.recoveryCodes[0] as string;
    expect(
      (await third.post('/api/console/second-factor/verify', { code: recovery.toUpperCase() })).statusCode,
    ).toBe(204);
    const fourth = await logIn(proxy, admin.email, admin.password);
    expect((await fourth.post('/api/console/second-factor/verify', { code: recovery })).statusCode).toBe(400);
    expect(((await third.get('/api/console/me')).json() as ConsoleMe).secondFactor.recoveryCodesLeft).toBe(9);
  });

  it('stops guessing after the log-in limit of wrong codes', async () => {
    const admin = await consoleUser(proxy);
    cleanup.push(admin.remove);
    const other = await logIn(proxy, admin.email, admin.password);
    let last = 0;
    for (let i = 0; i < 6; i++) {
      last = (await other.post('/api/console/second-factor/verify', { code: String(100000 + i) })).statusCode;
    }
    expect(last).toBe(429);
  });
});
