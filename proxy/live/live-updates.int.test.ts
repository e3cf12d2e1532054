import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMailUserPassword } from '../../scripts/mailstack/mail-users';
import { mailStackPaths } from '../../scripts/mailstack/paths';
import { deliverViaLmtp } from '../../scripts/seed/lmtp-delivery';
import { type EventReader, isEvent, openEventReader } from '../test-support/event-stream-reader';
import { appendMessages, type FreshMailbox, freshMailbox } from '../test-support/fresh-mailbox';
import { logIn, type ProxyHarness, startProxy } from '../test-support/proxy-harness';

const doveadm = (...args: string[]) =>
  execFileSync('doveadm', ['-c', mailStackPaths.dovecotConf, ...args], { encoding: 'utf8' });

/** IMAP connections Dovecot holds for the user right now, whoever opened them. */
function dovecotConnections(email: string): number {
  const out = doveadm('who', '-1', email);
  return out.split('\n').filter((line) => line.startsWith(`${email} `)).length;
}

async function until(check: () => boolean, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function deliver(to: string, subject: string) {
  const raw = Buffer.from(
    [
      'From: Văn phòng UBND <vanphong@binhphuoc.gov.vn>',
      `To: ${to}`,
      `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
      `Date: ${new Date().toUTCString()}`,
      `Message-ID: <live-${randomBytes(6).toString('hex')}@test>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      // Dovecot counts quota in kilobytes: a few of them, so that the delivery moves the quota.
      'Kính gửi đồng chí, đề nghị xem xét.\r\n'.repeat(100),
    ].join('\r\n'),
  );
  return deliverViaLmtp([{ from: 'vanphong@binhphuoc.gov.vn', to: [to], raw }]);
}

describe('GET /api/events: live updates from one IMAP IDLE connection per user', () => {
  let proxy: ProxyHarness;
  let base: string;
  let box: FreshMailbox;
  const readers: EventReader[] = [];

  const open = async (cookie: string | undefined) => {
    const reader = await openEventReader(`${base}/api/events`, cookie);
    readers.push(reader);
    return reader;
  };

  beforeAll(async () => {
    proxy = await startProxy();
    Object.assign(proxy.ctx.live.timings, {
      folderPollMs: 1_500,
      lingerMs: 500,
      sessionCheckMs: 300,
      heartbeatMs: 600,
      reconnectMinMs: 200,
    });
    await proxy.app.listen({ port: 0, host: '127.0.0.1' });
    const address = proxy.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    box = freshMailbox('live');
    await box.imap(async (c) => {
      await c.mailboxCreate('Lưu trữ');
      await appendMessages(c, 'INBOX', [{ subject: 'Thư cũ đã đọc', flags: ['\\Seen'] }]);
    });
  });

  afterAll(async () => {
    await Promise.all(readers.map((r) => r.close()));
    await proxy.close();
    box.remove();
  });

  it('refuses a stream without a session', async () => {
    const refused = await open(undefined);
    expect(refused.status).toBe(401);
    await refused.end();
    expect(JSON.parse(refused.body).error.code).toBe('not_authenticated');
  });

  it('announces a delivered message, the new INBOX counts and the quota within seconds', async () => {
    const session = await logIn(proxy, box.email, box.password);
    const stream = await open(session.cookie);
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers['x-accel-buffering']).toBe('no');
    // The stream says when it covers the mailbox; a delivery before that is in what the tab reloads.
    await stream.next(isEvent('resync'));
    expect(proxy.ctx.live.idleConnections()).toBe(1);

    const sentAt = Date.now();
    await deliver(box.email, 'Công văn số 15/UBND về chuyển đổi số');
    const newMail = await stream.next(isEvent('new_mail'));
    const counts = await stream.next(isEvent('mailbox_changed', (e) => e.path === 'INBOX'));
    const quota = await stream.next(isEvent('quota_changed'));
    console.info(`live: LMTP delivery → new_mail event in ${newMail.at - sentAt} ms`);

    expect(newMail.event).toMatchObject({
      path: 'INBOX',
      subject: 'Công văn số 15/UBND về chuyển đổi số',
      from: { name: 'Văn phòng UBND', address: 'vanphong@binhphuoc.gov.vn' },
    });
    expect(newMail.at - sentAt).toBeLessThan(5_000);
    expect(counts.event).toMatchObject({ exists: 2, unseen: 1 });
    expect(quota.event.quota.usedBytes).toBeGreaterThan(0);
  });

  it('reports the unread count when the message is read in another mail client', async () => {
    const stream = readers[1]!;
    const from = stream.received.length;
    await box.imap(async (c) => {
      const lock = await c.getMailboxLock('INBOX');
      try {
        await c.messageFlagsAdd('1:*', ['\\Seen']);
      } finally {
        lock.release();
      }
    });
    const changed = await stream.next(
      isEvent('mailbox_changed', (e) => e.path === 'INBOX'),
      { from },
    );
    expect(changed.event).toMatchObject({ exists: 2, unseen: 0 });
  });

  it('sees other folders change, and new folders, by polling their status', async () => {
    const stream = readers[1]!;
    const from = stream.received.length;
    await box.imap(async (c) => {
      await appendMessages(c, 'Lưu trữ', [{ subject: 'Lưu hồ sơ dự án' }]);
      await c.mailboxCreate('Dự án/Chuyển đổi số');
    });
    const archived = await stream.next(
      isEvent('mailbox_changed', (e) => e.path === 'Lưu trữ'),
      { from },
    );
    expect(archived.event).toMatchObject({ exists: 1, unseen: 1 });
    await stream.next(isEvent('folders_changed'), { from });
  });

  let lastSession: Awaited<ReturnType<typeof logIn>>;
  it('holds one IDLE connection for the user however many tabs are open', async () => {
    const tab2 = await open((await logIn(proxy, box.email, box.password)).cookie);
    lastSession = await logIn(proxy, box.email, box.password);
    const tab3 = await open(lastSession.cookie);
    expect([tab2.status, tab3.status]).toEqual([200, 200]);
    // Joining a watcher that already watches: the tab is told at once to reload what it shows.
    await tab3.next(isEvent('resync'), { timeoutMs: 1_000 });
    await until(() => proxy.ctx.live.streamsOf(box.email) === 3);
    expect(proxy.ctx.live.idleConnections()).toBe(1);

    // Closed by the pool (as by a log-out in another session), the connection is opened again for
    // the watch: what Dovecot sees of the user is still that one connection.
    await proxy.ctx.imap.release(box.email);
    await until(() => dovecotConnections(box.email) === 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(dovecotConnections(box.email)).toBe(1);

    // Every tab hears the same change from that one connection.
    const tabs = readers.slice(1, 4);
    const marks = tabs.map((r) => r.received.length);
    await deliver(box.email, 'Thư cho mọi thẻ');
    for (const [i, tab] of tabs.entries()) {
      await tab.next(
        isEvent('new_mail', (e) => e.subject === 'Thư cho mọi thẻ'),
        { from: marks[i] },
      );
    }
    // A quiet stream still carries comment lines (here every 0.6 s) so that proxies keep it open.
    expect(tabs[0]!.comments).toBeGreaterThan(3);
  });

  it('watches again after Dovecot drops the connection, and tells the tabs to reload', async () => {
    const tab = readers[1]!;
    const from = tab.received.length;
    doveadm('kick', box.email);
    await tab.next(isEvent('resync'), { from });
    expect(proxy.ctx.live.idleConnections()).toBe(1);
    await deliver(box.email, 'Thư sau khi kết nối lại');
    await tab.next(
      isEvent('new_mail', (e) => e.subject === 'Thư sau khi kết nối lại'),
      { from },
    );
  });

  it('ends the stream of a session that logs out, and drops the connection with the last tab', async () => {
    const [tab1, tab2, tab3] = readers.slice(1, 4) as [EventReader, EventReader, EventReader];
    await tab1.close();
    await tab2.close();
    await until(() => proxy.ctx.live.streamsOf(box.email) === 1);
    expect(proxy.ctx.live.idleConnections()).toBe(1);

    const logout = await lastSession.delete('/api/session');
    expect(logout.statusCode).toBe(204);
    await tab3.end(5_000);
    expect(tab3.received.at(-1)?.event.type).toBe('session_ended');
    await until(() => proxy.ctx.live.watchedUsers() === 0 && proxy.ctx.live.idleConnections() === 0);
    await until(() => dovecotConnections(box.email) === 0);
  });

  it('ends the session when the provider no longer takes its password', async () => {
    const session = await logIn(proxy, box.email, box.password);
    const tab = await open(session.cookie);
    await tab.next(isEvent('resync'));
    // Changed by the administrator at the provider; the watcher finds out when it logs in again.
    setMailUserPassword(box.email, 'Moi#Doi2027');
    doveadm('kick', box.email);
    await tab.end();
    expect(tab.received.at(-1)?.event.type).toBe('session_ended');
    expect((await session.get('/api/session')).statusCode).toBe(401);
    expect(proxy.ctx.live.watchedUsers()).toBe(0);
  });
});
