import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountDetail, AccountList, ConsoleReport, DirectoryListing } from '../../common/contract';
import { removeMailUser, suspendMailUser, upsertMailUser } from '../../scripts/mailstack/mail-users';
import { resolveMailDomain } from '../../scripts/mailstack/paths';
import { consoleUser } from '../test-support/console-admin';
import { type ProxyHarness, startProxy } from '../test-support/proxy-harness';
import { PROVIDER_ACTOR } from './provider-state-sync';

const letters = () => Array.from({ length: 6 }, () => 'abcdeghiklmnopqrstuvxy'[randomInt(22)]).join('');
const HOST = '127.0.0.1:8080';
/** The log-in as the page posts it; the harness's logIn wants it to succeed. */
const postLogin = (proxy: ProxyHarness, email: string, password: string) =>
  proxy.app.inject({
    method: 'POST',
    url: '/api/session',
    headers: { host: HOST, origin: `http://${HOST}`, 'x-csrf-token': 'login' },
    payload: { email, password },
  });
const REASON = 'Tạm khóa do không hoạt động quá 6 tháng (Điều 6.2a)';

/**
 * A mailbox suspended AT THE PROVIDER (a passwd-file nologin line written as the Sở's mail admin
 * would, never through the console): the console, its filter, the report, the directory and the
 * log-in must all call it suspended.
 */
describe('account state: one answer from the store and the provider', () => {
  let proxy: ProxyHarness;
  let admin: Awaited<ReturnType<typeof consoleUser>>;
  const unit = `tk${letters()}`;
  const email = `lanhnt.${unit}@${resolveMailDomain()}`;
  const password = 'ThiLanh*Gd2026';

  beforeAll(async () => {
    proxy = await startProxy();
    await proxy.ctx.units.create({
      code: unit,
      name: `Phòng Thử Tạm Khóa ${unit}`,
      parentCode: null,
      level: 'department',
      mailbox: null,
      website: null,
    });
    admin = await consoleUser(proxy, { role: 'admin' });
    upsertMailUser({
      email,
      password,
      quotaBytes: 2 * 1024 ** 3,
      displayName: 'Nguyễn Thị Lành',
      unitName: `Phòng Thử Tạm Khóa ${unit}`,
      suspendReason: null,
    });
    suspendMailUser(email, REASON);
  });
  afterAll(async () => {
    removeMailUser(email);
    admin?.remove();
    await proxy?.close();
  });

  it('lists it as "Tạm khóa", in the suspended filter and not in the active one, with the provider’s reason', async () => {
    const all = (
      await admin.client.get(`/api/console/accounts?q=${encodeURIComponent(email)}`)
    ).json() as AccountList;
    expect(all.items).toEqual([expect.objectContaining({ email, state: 'suspended', unitCode: unit })]);
    const suspended = (
      await admin.client.get(`/api/console/accounts?unit=${unit}&state=suspended`)
    ).json() as AccountList;
    expect(suspended.items.map((a) => a.email)).toEqual([email]);
    const active = (
      await admin.client.get(`/api/console/accounts?unit=${unit}&state=active`)
    ).json() as AccountList;
    expect(active.items).toEqual([]);
    const detail = (
      await admin.client.get(`/api/console/accounts/${encodeURIComponent(email)}`)
    ).json() as AccountDetail;
    expect(detail).toMatchObject({ state: 'suspended', stateReason: REASON });
  });

  it('records the change once in the audit log, made by the provider', async () => {
    await admin.client.get(`/api/console/accounts?unit=${unit}`);
    const entries = (await proxy.ctx.audit.forAccount(email)).filter((e) => e.action === 'account_state');
    expect(entries).toEqual([
      expect.objectContaining({
        actor: PROVIDER_ACTOR,
        details: { from: 'active', to: 'suspended', source: 'provider', reason: REASON },
      }),
    ]);
  });

  it('does not count it as in use in the report, nor list it in the directory', async () => {
    const report = (await admin.client.get('/api/console/report')).json() as ConsoleReport;
    const current = report.periods.find((p) => p.current)!.id;
    const now = (await admin.client.get(`/api/console/report?period=${current}`)).json() as ConsoleReport;
    const row = now.units.find((u) => u.code === unit);
    expect(row?.addressesInUse ?? []).not.toContain(email);
    expect(row).toMatchObject({ inUse: 0, suspendedAtEnd: 1 });
    const directory = (
      await admin.client.get(`/api/console/directory?unit=${unit}`)
    ).json() as DirectoryListing;
    expect(JSON.stringify(directory)).not.toContain(email);
  });

  it('refuses the log-in with the same state and reason the console shows', async () => {
    const res = await postLogin(proxy, email, password);
    expect(res.statusCode).toBe(423);
    expect(res.json().error).toMatchObject({ code: 'account_suspended', details: { reason: REASON } });
    expect(await proxy.ctx.accounts.get(email)).toMatchObject({ state: 'suspended', stateReason: REASON });
  });
});

describe('account state: a log-in refused by the provider teaches the store', () => {
  let proxy: ProxyHarness;
  const email = `tkdn${letters()}.sttt@${resolveMailDomain()}`;
  const password = 'Lua#Hong2026';

  beforeAll(async () => {
    proxy = await startProxy();
    upsertMailUser({ email, password, quotaBytes: 2 * 1024 ** 3, suspendReason: REASON });
  });
  afterAll(async () => {
    removeMailUser(email);
    await proxy?.close();
  });

  it('records the suspension at the first refused log-in, before any console view', async () => {
    expect(await proxy.ctx.accounts.get(email)).toBeUndefined();
    const res = await postLogin(proxy, email, password);
    expect(res.json().error).toMatchObject({ code: 'account_suspended', details: { reason: REASON } });
    expect(await proxy.ctx.accounts.get(email)).toMatchObject({ state: 'suspended', stateReason: REASON });
  });
});
