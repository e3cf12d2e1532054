import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClientList, ApiClientWithToken, MessageDetail, MessagePage } from '../../common/contract';
import { addDays, vietnamDateOf } from '../../common/policy/vietnam-date';
import { newToken } from '../api-clients/api-tokens';
import { consoleUser } from '../test-support/console-admin';
import { appendMessages, type FreshMailbox, freshMailbox } from '../test-support/fresh-mailbox';
import { type ProxyHarness, startProxy } from '../test-support/proxy-harness';
import { messagesIn } from '../test-support/read-mailbox';

const CALLS_PER_MINUTE = 25;

describe('API clients of a unit mailbox (Đ14.2g)', () => {
  let proxy: ProxyHarness;
  let admin: Awaited<ReturnType<typeof consoleUser>>;
  let unitBox: FreshMailbox;
  let receiver: FreshMailbox;
  const unitCode = `u${randomBytes(3).toString('hex')}`;
  const clientName = `Hệ thống QLVB ${unitCode}`;
  let token: string;
  let clientId: string;

  const call = (method: 'GET' | 'POST', url: string, bearer: string | null, payload?: unknown) =>
    proxy.app.inject({
      method,
      url,
      headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  const errorCode = (res: { json: () => unknown }) => (res.json() as { error: { code: string } }).error.code;
  const createClient = async (scopes: string[], name = clientName) => {
    const res = await admin.client.post('/api/console/api-clients', {
      unitCode,
      name,
      scopes,
      expiresOn: addDays(vietnamDateOf(new Date()), 30),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ApiClientWithToken;
  };

  beforeAll(async () => {
    proxy = await startProxy({ API_CLIENT_CALLS_PER_MINUTE: String(CALLS_PER_MINUTE) });
    unitBox = freshMailbox('donvi');
    receiver = freshMailbox('nhan');
    await proxy.ctx.units.create({
      code: unitCode,
      name: `Đơn vị ${unitCode}`,
      parentCode: null,
      level: 'department',
      mailbox: unitBox.email,
      website: null,
    });
    admin = await consoleUser(proxy);
    const created = await createClient(['send', 'read:INBOX', 'read:Sent']);
    token = created.token;
    clientId = created.client.id;
  });
  afterAll(async () => {
    await proxy.close();
    admin.remove();
    unitBox.remove();
    receiver.remove();
  });

  it('shows the token once and keeps only its hash', async () => {
    expect(token).toMatch(/^bpk_[A-Za-z0-9_-]{43}$/);
    const list = (await admin.client.get('/api/console/api-clients')).json() as ApiClientList;
    const mine = list.clients.find((c) => c.id === clientId);
    expect(mine).toMatchObject({ mailbox: unitBox.email, name: clientName, state: 'active' });
    expect(JSON.stringify(list)).not.toContain(token);
    const row = await proxy.ctx.store.db
      .selectFrom('api_clients')
      .selectAll()
      .where('id', '=', clientId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(token.slice(12));
  });

  it('sends as the unit mailbox: in the recipient INBOX from the unit, and in the unit Sent', async () => {
    const res = await call('POST', '/api/service/v1/messages', token, {
      to: [{ address: receiver.email, name: 'Chị Nhận' }],
      subject: 'Thông báo lịch họp giao ban',
      text: 'Kính gửi chị Nhận, lịch họp tuần sau.',
      attachments: [
        {
          filename: 'Lịch họp.txt',
          contentType: 'text/plain',
          contentBase64: Buffer.from('Thứ Hai 8:00').toString('base64'),
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      from: unitBox.email,
      recipients: 1,
      refused: [],
      sentCopySaved: true,
    });
    await expect.poll(async () => (await messagesIn(receiver, 'INBOX')).length, { timeout: 10_000 }).toBe(1);
    const [got] = await messagesIn(receiver, 'INBOX');
    expect(got!.parsed.from?.value[0]?.address).toBe(unitBox.email);
    expect(got!.parsed.subject).toBe('Thông báo lịch họp giao ban');
    expect(got!.parsed.attachments.map((a) => a.filename)).toEqual(['Lịch họp.txt']);
    const sent = await messagesIn(unitBox, 'Sent');
    expect(sent.map((m) => m.parsed.messageId)).toEqual([res.json().messageId]);
  });

  it('reads the folder it may read, and no other', async () => {
    await unitBox.imap((client) =>
      appendMessages(client, 'INBOX', [{ subject: 'Công văn đến số 12', body: 'Đề nghị đăng ký văn bản.' }]),
    );
    const list = await call('GET', '/api/service/v1/mailboxes/INBOX/messages', token);
    expect(list.statusCode, list.body).toBe(200);
    const page = list.json() as MessagePage;
    const row = page.messages.find((m) => m.subject === 'Công văn đến số 12');
    expect(row).toBeDefined();
    const one = await call('GET', `/api/service/v1/mailboxes/INBOX/messages/${row!.uid}`, token);
    expect(one.statusCode, one.body).toBe(200);
    expect((one.json() as MessageDetail).text).toContain('Đề nghị đăng ký văn bản.');

    const drafts = await call('GET', '/api/service/v1/mailboxes/Drafts/messages', token);
    expect(drafts.statusCode).toBe(403);
    expect(drafts.json().error).toMatchObject({
      code: 'api_scope_missing',
      details: { scope: 'read:Drafts' },
    });
    const directory = await call('GET', '/api/service/v1/directory', token);
    expect(errorCode(directory)).toBe('api_scope_missing');
  });

  it('refuses a stamped subject unless the caller declares it checked, and records the declaration', async () => {
    const message = {
      to: [{ address: receiver.email }],
      subject: 'TỐI MẬT - Kế hoạch',
      text: 'Nội dung',
    };
    const refused = await call('POST', '/api/service/v1/messages', token, message);
    expect(refused.statusCode).toBe(422);
    expect(errorCode(refused)).toBe('state_secret_unchecked');
    const sent = await call('POST', '/api/service/v1/messages', token, {
      ...message,
      stateSecretChecked: true,
    });
    expect(sent.statusCode, sent.body).toBe(200);

    const entries = await proxy.ctx.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor', '=', `api:${clientName}`)
      .where('action', '=', 'api_call')
      .orderBy('id')
      .execute();
    const outcomes = entries.map((e) => e.outcome);
    expect(outcomes).toContain('state_secret_unchecked');
    expect(outcomes).toContain('api_scope_missing');
    const declared = entries.filter((e) => e.details?.includes('"stateSecretChecked":true'));
    expect(declared.map((e) => e.outcome)).toEqual(['ok']);
    expect(declared[0]!.details).toContain('TỐI MẬT');
    expect(entries.every((e) => e.email === unitBox.email)).toBe(true);
  });

  it('caps attachments at 20 MB (413)', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 1).toString('base64');
    const res = await call('POST', '/api/service/v1/messages', token, {
      to: [{ address: receiver.email }],
      subject: 'Tệp lớn',
      attachments: [{ filename: 'lon.bin', contentBase64: big }],
    });
    expect(res.statusCode).toBe(413);
    expect(errorCode(res)).toBe('attachment_too_large');
  });

  it('obeys the unit mailbox sending lock and suspension', async () => {
    const { accounts } = proxy.ctx;
    const message = { to: [{ address: receiver.email }], subject: 'Khóa', text: 'x' };
    await accounts.setSendingLock(unitBox.email, 'departure');
    const locked = await call('POST', '/api/service/v1/messages', token, message);
    expect(locked.statusCode).toBe(403);
    expect(errorCode(locked)).toBe('sending_locked');
    await accounts.setSendingLock(unitBox.email, null);

    await accounts.setState(unitBox.email, 'suspended', 'inactivity');
    const suspended = await call('GET', '/api/service/v1/mailboxes/INBOX/messages', token);
    expect(suspended.statusCode).toBe(423);
    expect(errorCode(suspended)).toBe('account_suspended');
    await accounts.setState(unitBox.email, 'active', null);
  });

  it('answers 429 with Retry-After past the calls per minute of one client', async () => {
    const other = await createClient(['directory:read'], `${clientName} (danh bạ)`);
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i <= CALLS_PER_MINUTE; i++) {
      const res = await call('GET', '/api/service/v1/directory', other.token);
      statuses.push(res.statusCode);
      if (res.statusCode === 429) retryAfter = res.headers['retry-after'] as string;
    }
    expect(statuses.slice(0, CALLS_PER_MINUTE).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });

  it('refuses no token, a made-up one and an expired one', async () => {
    expect(errorCode(await call('GET', '/api/service/v1/directory', null))).toBe('api_token_invalid');
    const madeUp = newToken().token;
    const res = await call('GET', '/api/service/v1/directory', madeUp);
    expect(res.statusCode).toBe(401);
    expect(errorCode(res)).toBe('api_token_invalid');

    const expired = newToken();
    await proxy.ctx.apiClients.insert({
      id: `expired-${unitCode}`,
      unitCode,
      mailbox: unitBox.email,
      name: 'Hết hạn',
      scopes: ['directory:read'],
      tokenHash: expired.hash,
      tokenHint: expired.hint,
      expiresAt: Date.now() - 1,
      createdAt: Date.now() - 86_400_000,
      createdBy: admin.email,
    });
    const late = await call('GET', '/api/service/v1/directory', expired.token);
    expect(late.statusCode).toBe(401);
    expect(errorCode(late)).toBe('api_token_expired');
  });

  it('rotates (the old token refused at once) and revokes (refused for good)', async () => {
    const rotated = await admin.client.post(`/api/console/api-clients/${clientId}/rotate`, {});
    expect(rotated.statusCode, rotated.body).toBe(200);
    const fresh = (rotated.json() as ApiClientWithToken).token;
    expect(fresh).not.toBe(token);
    expect(errorCode(await call('GET', '/api/service/v1/mailboxes/INBOX/messages', token))).toBe(
      'api_token_invalid',
    );
    expect((await call('GET', '/api/service/v1/mailboxes/INBOX/messages', fresh)).statusCode).toBe(200);

    const revoked = await admin.client.post(`/api/console/api-clients/${clientId}/revoke`, {});
    expect(revoked.statusCode).toBe(204);
    const refused = await call('GET', '/api/service/v1/mailboxes/INBOX/messages', fresh);
    expect(refused.statusCode).toBe(401);
    expect(errorCode(refused)).toBe('api_token_revoked');

    const actions = await proxy.ctx.store.db
      .selectFrom('audit_log')
      .select(['actor', 'details'])
      .where('action', '=', 'api_client')
      .where('email', '=', unitBox.email)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => JSON.parse(a.details ?? '{}').op)).toEqual([
      'create',
      'create',
      'rotate',
      'revoke',
    ]);
    expect(actions.every((a) => a.actor === admin.email)).toBe(true);
  });

  it('lets only admins create clients', async () => {
    const manager = await consoleUser(proxy, { role: 'unit_manager', unitCode, prefix: 'quanly' });
    try {
      const res = await manager.client.post('/api/console/api-clients', {
        unitCode,
        name: 'Không được',
        scopes: ['send'],
        expiresOn: addDays(vietnamDateOf(new Date()), 30),
      });
      expect(res.statusCode).toBe(403);
      const list = (await manager.client.get('/api/console/api-clients')).json() as ApiClientList;
      expect(list.clients.every((c) => c.unitCode === unitCode)).toBe(true);
    } finally {
      manager.remove();
    }
  });
});
