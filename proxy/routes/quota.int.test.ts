import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuotaInfo } from '../../common/contract';
import { fillMailbox } from '../test-support/fill-mailbox';
import { demoAccount, logIn, type ProxyHarness, startProxy, thanh } from '../test-support/proxy-harness';

describe('GET /api/quota from Dovecot’s IMAP QUOTA (Đ7.2c)', () => {
  let proxy: ProxyHarness;
  beforeAll(async () => {
    proxy = await startProxy();
  });
  afterAll(async () => {
    await proxy.close();
  });

  it('reports a 2 GB mailbox as ok', async () => {
    const client = await logIn(proxy, thanh().email, thanh().password);
    const quota = (await client.get('/api/quota')).json() as QuotaInfo;
    expect(quota.limitBytes).toBe(2 * 1024 ** 3);
    expect(quota.usedBytes).toBeGreaterThan(0);
    expect(quota.level).toBe('ok');
  });

  it('reports notice at 80 % and critical at 98 % of a 1 MB test quota', async () => {
    const small = demoAccount((a) => a.quotaBytes === 1024 * 1024);
    await fillMailbox(small.email, 850 * 1024);
    let client = await logIn(proxy, small.email, small.password);
    let quota = (await client.get('/api/quota')).json() as QuotaInfo;
    expect(quota.limitBytes).toBe(1024 * 1024);
    expect(quota.usedBytes! / quota.limitBytes!).toBeGreaterThanOrEqual(0.8);
    expect(quota.level).toBe('notice');

    await proxy.ctx.imap.release(small.email);
    await fillMailbox(small.email, 1010 * 1024);
    client = await logIn(proxy, small.email, small.password);
    quota = (await client.get('/api/quota')).json() as QuotaInfo;
    expect(quota.level).toBe('critical');
  });
});
