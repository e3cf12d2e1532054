import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, MailFilter, SieveRules, SieveState } from '../../common/contract';
import { DEFAULT_VACATION } from '../../common/contract';
import { mailStackPaths, mailStackPorts } from '../../scripts/mailstack/paths';
import { deliverViaLmtp } from '../../scripts/seed/lmtp-delivery';
import { type ManageSieveServer, withManageSieve } from '../sieve/managesieve-client';
import { WEBMAIL_SCRIPT_NAME } from '../sieve/sieve-script';
import { type FreshMailbox, freshMailbox } from '../test-support/fresh-mailbox';
import { logIn, type ProxyHarness, startProxy } from '../test-support/proxy-harness';
import { messagesIn } from '../test-support/read-mailbox';

const server: ManageSieveServer = {
  host: mailStackPorts.host,
  port: mailStackPorts.managesieve,
  requireTls: false,
  allowInsecureTls: false,
};

const filter = (over: Partial<MailFilter> & Pick<MailFilter, 'conditions' | 'actions'>): MailFilter => ({
  id: 'f-test',
  name: 'Công văn khẩn',
  enabled: true,
  match: 'all',
  ...over,
});

const noActions: MailFilter['actions'] = {
  moveTo: null,
  markRead: false,
  flag: false,
  forwardTo: null,
  stop: false,
};

function rawMessage(from: string, to: string, subject: string, extra: string[] = []): Buffer {
  const encoded = `=?UTF-8?B?${Buffer.from(subject, 'utf8').toString('base64')}?=`;
  return Buffer.from(
    [
      `From: ${from}`,
      `To: ${to}`,
      `Subject: ${encoded}`,
      `Message-ID: <${randomBytes(8).toString('hex')}@test.localhost>`,
      `Date: ${new Date().toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      ...extra,
      '',
      'Nội dung thư thử.',
      '',
    ].join('\r\n'),
  );
}

/** Sink files (mail that would have left the province) whose envelope names `address`. */
function sinkFilesTo(address: string): string[] {
  const dir = mailStackPaths.sinkDir;
  return readdirSync(dir).filter((f) =>
    readFileSync(path.join(dir, f), 'utf8').includes(`X-Sink-Envelope-To: <${address}>`),
  );
}

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error('not there in time');
    await new Promise((r) => setTimeout(r, 300));
  }
}

describe('/api/sieve: out-of-office and filters at the provider (Pigeonhole at LMTP)', () => {
  let proxy: ProxyHarness;
  let owner: FreshMailbox;
  let colleague: FreshMailbox;
  let put: (rules: SieveRules) => Promise<{ status: number; body: unknown }>;
  let get: () => Promise<SieveState>;

  beforeAll(async () => {
    proxy = await startProxy();
    owner = freshMailbox('sieve-owner');
    colleague = freshMailbox('sieve-colleague');
    const client = await logIn(proxy, owner.email, owner.password);
    put = async (rules) => {
      const res = await proxy.app.inject({
        method: 'PUT',
        url: '/api/sieve',
        headers: { host: '127.0.0.1:8080', cookie: client.cookie, 'x-csrf-token': client.csrfToken },
        payload: rules,
      });
      return { status: res.statusCode, body: res.json() };
    };
    get = async () => (await client.get('/api/sieve')).json() as SieveState;
  });
  afterAll(async () => {
    await proxy.close();
    owner.remove();
    colleague.remove();
  });

  it('starts with nothing and sends an out-of-office reply that arrives in the sender’s mailbox', async () => {
    expect(await get()).toEqual({
      rules: { vacation: DEFAULT_VACATION, filters: [] },
      otherActiveScript: null,
      webmailScriptActive: false,
    });
    const vacation = {
      enabled: true,
      fromDay: '2020-01-01',
      untilDay: '2099-12-31',
      subject: 'Vắng mặt đến 31/12',
      message: 'Tôi đang đi công tác, sẽ trả lời khi về.',
      days: 7,
    };
    const saved = await put({ vacation, filters: [] });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ webmailScriptActive: true, otherActiveScript: null });
    expect((await get()).rules.vacation).toEqual(vacation);

    await deliverViaLmtp([
      {
        from: colleague.email,
        to: [owner.email],
        raw: rawMessage(colleague.email, owner.email, 'Xin ý kiến'),
      },
    ]);
    const reply = await eventually(async () =>
      (await messagesIn(colleague, 'INBOX')).find((m) => m.parsed.subject === 'Vắng mặt đến 31/12'),
    );
    expect(reply.parsed.text).toContain('Tôi đang đi công tác');
    expect(String(reply.parsed.headers.get('auto-submitted'))).toMatch(/^auto-replied\b/);

    // A mailing list's message gets no reply; an outside sender's, delivered after it, gets one in
    // the sink, so by then the list's reply would have been there too.
    const list = `ban-tin-${randomBytes(3).toString('hex')}@lists.example.org`;
    const guest = `khach-${randomBytes(3).toString('hex')}@example.org`;
    await deliverViaLmtp([
      {
        from: list,
        to: [owner.email],
        raw: rawMessage(list, owner.email, 'Bản tin', [`List-Id: <${list}>`]),
      },
    ]);
    await deliverViaLmtp([
      { from: guest, to: [owner.email], raw: rawMessage(guest, owner.email, 'Hỏi thăm') },
    ]);
    await eventually(async () => (sinkFilesTo(guest).length ? true : undefined));
    expect(sinkFilesTo(list)).toEqual([]);
  });

  it('files a delivered message into a folder by a subject typed without tones, marked read', async () => {
    await owner.imap((c) => c.mailboxCreate('Công văn đến'));
    const rules: SieveRules = {
      vacation: { ...DEFAULT_VACATION },
      filters: [
        filter({
          conditions: [{ kind: 'subject', text: 'cong van khan' }],
          actions: { ...noActions, moveTo: 'Công văn đến', markRead: true },
        }),
      ],
    };
    expect((await put(rules)).status).toBe(200);
    await deliverViaLmtp([
      {
        from: colleague.email,
        to: [owner.email],
        raw: rawMessage(colleague.email, owner.email, 'CÔNG VĂN KHẨN số 12/STTTT'),
      },
      {
        from: colleague.email,
        to: [owner.email],
        raw: rawMessage(colleague.email, owner.email, 'Công việc tuần'),
      },
    ]);
    const filed = await messagesIn(owner, 'Công văn đến');
    expect(filed.map((m) => m.parsed.subject)).toEqual(['CÔNG VĂN KHẨN số 12/STTTT']);
    expect(filed[0]?.flags?.has('\\Seen')).toBe(true);
    const inbox = (await messagesIn(owner, 'INBOX')).map((m) => m.parsed.subject);
    expect(inbox).toContain('Công việc tuần');
    expect(inbox).not.toContain('CÔNG VĂN KHẨN số 12/STTTT');
  });

  it('refuses a forward to a public free mail service before anything reaches the server (Đ12.9, Đ13.5)', async () => {
    const before = await withManageSieve(server, owner, (c) => c.getScript(WEBMAIL_SCRIPT_NAME));
    const refused = await put({
      vacation: DEFAULT_VACATION,
      filters: [
        filter({
          conditions: [{ kind: 'hasAttachment' }],
          actions: { ...noActions, forwardTo: 'canbo.binhphuoc@gmail.com' },
        }),
      ],
    });
    expect(refused.status).toBe(422);
    const error = (refused.body as ApiErrorBody).error;
    expect(error.code).toBe('forward_refused_domain');
    expect(error.details).toEqual({ address: 'canbo.binhphuoc@gmail.com', domain: 'gmail.com' });
    expect(error.message).toContain('khoản 9 Điều 12');
    expect(await withManageSieve(server, owner, (c) => c.getScript(WEBMAIL_SCRIPT_NAME))).toBe(before);

    const allowed = await put({
      vacation: DEFAULT_VACATION,
      filters: [
        filter({
          conditions: [{ kind: 'hasAttachment' }],
          actions: { ...noActions, forwardTo: colleague.email },
        }),
      ],
    });
    expect(allowed.status).toBe(200);
  });

  it('keeps a script the user wrote in another program active and untouched', async () => {
    const own = 'require "fileinto";\nif header :contains "subject" "hop" { fileinto "Trash"; }\n';
    const handWriter = freshMailbox('sieve-hand');
    try {
      await withManageSieve(server, handWriter, async (c) => {
        await c.putScript('cua-toi', own);
        await c.setActive('cua-toi');
      });
      const client = await logIn(proxy, handWriter.email, handWriter.password);
      const res = await proxy.app.inject({
        method: 'PUT',
        url: '/api/sieve',
        headers: { host: '127.0.0.1:8080', cookie: client.cookie, 'x-csrf-token': client.csrfToken },
        payload: { vacation: { ...DEFAULT_VACATION, enabled: true, message: 'Vắng mặt' }, filters: [] },
      });
      expect(res.json()).toMatchObject({ otherActiveScript: 'cua-toi', webmailScriptActive: false });
      await withManageSieve(server, handWriter, async (c) => {
        expect(await c.listScripts()).toContainEqual({ name: 'cua-toi', active: true });
        expect(await c.getScript('cua-toi')).toBe(own);
      });
      // Read back, the webmail's own rules are there all the same.
      const state = (await client.get('/api/sieve')).json() as SieveState;
      expect(state.rules.vacation.message).toBe('Vắng mặt');
    } finally {
      await proxy.ctx.imap.release(handWriter.email);
      handWriter.remove();
    }
  });
});
