import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OLD_SERVER, SMALL_FOLDERS, uniqueCount } from '../../scripts/oldserver/old-mailbox';
import { type FreshMailbox, freshMailbox } from '../test-support/fresh-mailbox';
import { oldMessageCount, requireOldServer, seedOldMailbox } from '../test-support/old-server';
import { logIn, type ProxyHarness, startProxy } from '../test-support/proxy-harness';

const SMALL_TOTAL = SMALL_FOLDERS.reduce((n, f) => n + f.count, 0);
const SMALL_UNIQUE = SMALL_FOLDERS.reduce((n, f) => n + uniqueCount(f.count), 0);

let proxy: ProxyHarness;
let owner: FreshMailbox;
let user: Awaited<ReturnType<typeof logIn>>;

const login = (over: Record<string, unknown> = {}) => ({
  host: OLD_SERVER.host,
  port: OLD_SERVER.imapsPort,
  security: 'tls',
  acceptSelfSigned: true,
  user: OLD_SERVER.users.small,
  password: OLD_SERVER.password,
  ...over,
});

beforeAll(async () => {
  requireOldServer();
  if ((await oldMessageCount(OLD_SERVER.users.small)) !== SMALL_TOTAL) {
    await seedOldMailbox(OLD_SERVER.users.small, SMALL_FOLDERS);
  }
  proxy = await startProxy({ MIGRATION_PAUSE_MS: '0' });
  owner = freshMailbox('migr-api');
  user = await logIn(proxy, owner.email, owner.password);
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  owner?.remove();
});

describe('the migration API', () => {
  it('tests the connection: folders with counts and where each goes', async () => {
    const res = await user.post('/api/migration/check', login());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      messages: SMALL_TOTAL,
      folders: expect.arrayContaining([
        { path: 'INBOX', messages: 150, target: 'INBOX', use: 'inbox' },
        { path: 'Công văn đến', messages: 100, target: 'Công văn đến', use: null },
      ]),
    });
  });

  it.each([
    ['a wrong password', { password: 'sai-mat-khau' }, 400, 'migration_login_failed'],
    ['an unknown host', { host: 'may-chu-cu.invalid' }, 400, 'migration_host_unknown'],
    ['a closed port', { port: 1 }, 502, 'migration_connection_refused'],
    ['a self-signed certificate not accepted', { acceptSelfSigned: false }, 502, 'migration_tls_self_signed'],
    ['SSL/TLS on the plain port', { port: OLD_SERVER.imapPort }, 502, 'migration_tls_failed'],
  ])('says so clearly for %s', async (_, over, status, code) => {
    const res = await user.post('/api/migration/check', login(over));
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message).toMatch(/máy chủ|chứng chỉ|bảo mật/i);
  });

  it('refuses to start with a wrong password, then runs a job to its report and forgets the password', async () => {
    const refused = await user.post('/api/migration', login({ password: 'sai' }));
    expect(refused.json().error.code).toBe('migration_login_failed');

    const started = await user.post('/api/migration', login());
    expect(started.statusCode).toBe(201);
    const { id } = started.json() as { id: string };
    expect((await user.post('/api/migration', login())).json().error.code).toBe('migration_in_progress');

    let status: { state: string; copied: number; skipped: number; failed: number; total: number } | null =
      null;
    for (let i = 0; i < 200; i++) {
      status = (await user.get('/api/migration')).json().migration;
      if (status && (status.state === 'done' || status.state === 'failed')) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toMatchObject({ id, state: 'done', total: SMALL_TOTAL, copied: SMALL_UNIQUE, failed: 0 });
    expect(status!.skipped).toBe(SMALL_TOTAL - SMALL_UNIQUE);

    const row = await proxy.ctx.store.db
      .selectFrom('migration_jobs')
      .select('secret_box')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.secret_box).toBeNull();
    // Nowhere else either: no table holds the old password in any form we wrote.
    const audit = await proxy.ctx.store.db.selectFrom('audit_log').select('details').execute();
    expect(JSON.stringify(audit)).not.toContain(OLD_SERVER.password);
  }, 60_000);
});
