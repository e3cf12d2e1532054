import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mailStackPaths } from '../../scripts/mailstack/paths';
import { deliverViaLmtp } from '../../scripts/seed/lmtp-delivery';
import { lockMailbox } from '../mail/mailbox-lock';
import { type EventReader, isEvent, openEventReader } from '../test-support/event-stream-reader';
import { appendMessages, type FreshMailbox, freshMailbox } from '../test-support/fresh-mailbox';
import { logIn, mbox, type ProxyHarness, startProxy } from '../test-support/proxy-harness';

/** IMAP connections Dovecot holds for the user right now, whoever opened them. */
function dovecotConnections(email: string): number {
  const out = execFileSync('doveadm', ['-c', mailStackPaths.dovecotConf, 'who', '-1', email], {
    encoding: 'utf8',
  });
  return out.split('\n').filter((line) => line.startsWith(`${email} `)).length;
}

function deliver(to: string, subject: string) {
  const raw = Buffer.from(
    [
      'From: Văn phòng UBND <vanphong@binhphuoc.gov.vn>',
      `To: ${to}`,
      `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
      `Date: ${new Date().toUTCString()}`,
      `Message-ID: <one-conn-${randomBytes(6).toString('hex')}@test>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Kính gửi đồng chí.',
      '',
    ].join('\r\n'),
  );
  return deliverViaLmtp([{ from: 'vanphong@binhphuoc.gov.vn', to: [to], raw }]);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let proxy: ProxyHarness;
let base: string;
let box: FreshMailbox;
let stream: EventReader | undefined;

beforeAll(async () => {
  proxy = await startProxy();
  Object.assign(proxy.ctx.live.timings, { folderPollMs: 1_500, sessionCheckMs: 300, reconnectMinMs: 200 });
  await proxy.app.listen({ port: 0, host: '127.0.0.1' });
  const address = proxy.app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  box = freshMailbox('one-conn');
  await box.imap(async (c) => {
    await c.mailboxCreate('Lưu trữ');
    await appendMessages(c, 'Lưu trữ', [{ subject: 'Hồ sơ lưu' }]);
    await appendMessages(c, 'INBOX', [{ subject: 'Thư cũ', flags: ['\\Seen'] }]);
  });
});

afterAll(async () => {
  await stream?.close();
  await proxy.close();
  box.remove();
});

it('serves requests and live updates of a logged-in user on ONE IMAP connection', async () => {
  const session = await logIn(proxy, box.email, box.password);
  stream = await openEventReader(`${base}/api/events`, session.cookie);
  await stream.next(isEvent('resync'));

  // Requests on the user's connection: a page of another folder, then a flag change in INBOX
  // (which SELECTs it read-write).
  expect((await session.get(`/api/mailboxes/${mbox('Lưu trữ')}/messages`)).statusCode).toBe(200);
  const inbox = await session.get('/api/mailboxes/INBOX/messages');
  const [old] = (inbox.json() as { messages: { uid: number }[] }).messages;
  const flagged = await session.post('/api/mailboxes/INBOX/messages/flags', {
    uids: [old!.uid],
    add: ['flagged'],
  });
  expect(flagged.statusCode).toBe(204);

  await sleep(500);
  console.info(`one connection: ${dovecotConnections(box.email)} IMAP connection(s) at Dovecot`);
  expect(dovecotConnections(box.email)).toBe(1);

  // Mail for INBOX while the connection is back between requests: announced at once.
  let from = stream.received.length;
  await deliver(box.email, 'Công văn sau khi lưu hồ sơ');
  await stream.next(
    isEvent('new_mail', (e) => e.subject === 'Công văn sau khi lưu hồ sơ'),
    { from },
  );

  // Mail for INBOX while a request holds another folder selected (a long download): the watch
  // cannot look into INBOX meanwhile, and announces it once the request is done.
  from = stream.received.length;
  await proxy.ctx.imap.withClient({ email: box.email, password: box.password }, async (client) => {
    const lock = await lockMailbox(client, 'Lưu trữ');
    try {
      await deliver(box.email, 'Giấy mời họp trong lúc tải tệp');
      await sleep(2_000);
      expect(dovecotConnections(box.email)).toBe(1);
    } finally {
      lock.release();
    }
  });
  const late = await stream.next(
    isEvent('new_mail', (e) => e.subject === 'Giấy mời họp trong lúc tải tệp'),
    { from },
  );
  await stream.next(
    isEvent('mailbox_changed', (e) => e.path === 'INBOX' && e.exists === 3),
    { from },
  );

  // Watching never took \Recent (nor \Seen), although a request had SELECTed INBOX: a mail client
  // that selects INBOX now still gets both new messages as recent and unread.
  const flags = await box.imap(async (c) => {
    const lock = await c.getMailboxLock('INBOX');
    try {
      return await c.fetchAll('1:*', { uid: true, flags: true });
    } finally {
      lock.release();
    }
  });
  const fresh = flags.filter((m) => m.uid >= late.event.uid - 1);
  expect(fresh).toHaveLength(2);
  for (const m of fresh) {
    expect(m.flags?.has('\\Recent')).toBe(true);
    expect(m.flags?.has('\\Seen')).toBe(false);
  }
});

it('keeps the connection open past the idle close while a stream is open, and closes it after', async () => {
  const idleProxy = await startProxy({ IMAP_IDLE_CLOSE_SECONDS: '5' });
  Object.assign(idleProxy.ctx.live.timings, { lingerMs: 300, sessionCheckMs: 300 });
  await idleProxy.app.listen({ port: 0, host: '127.0.0.1' });
  const address = idleProxy.app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/events`;
  const idleBox = freshMailbox('one-conn-idle');
  try {
    const session = await logIn(idleProxy, idleBox.email, idleBox.password);
    expect((await session.get('/api/mailboxes/INBOX/messages')).statusCode).toBe(200);
    const tab = await openEventReader(url, session.cookie);
    await tab.next(isEvent('resync'));

    // The idle close (5 s) and the pool's next sweep (every 5 s) have passed: still open, once.
    await sleep(11_000);
    expect(idleProxy.ctx.imap.size()).toBe(1);
    expect(dovecotConnections(idleBox.email)).toBe(1);

    // The last tab goes: no request for longer than the idle close, so the connection goes too.
    await tab.close();
    const end = Date.now() + 5_000;
    while (dovecotConnections(idleBox.email) > 0 && Date.now() < end) await sleep(100);
    expect(idleProxy.ctx.live.watchedUsers()).toBe(0);
    expect(idleProxy.ctx.imap.size()).toBe(0);
    expect(dovecotConnections(idleBox.email)).toBe(0);
  } finally {
    await idleProxy.close();
    idleBox.remove();
  }
}, 30_000);

it('goes on watching after a password change in the session, on a connection with the new password', async () => {
  // Đ9 refuses a password holding a piece of the address; the new one has no letter a–f, so no
  // random hex suffix is in it (an all-digit suffix would be empty once its digits go: retried).
  let changer = freshMailbox('one-conn-pw');
  while (/-\d+@/.test(changer.email)) {
    changer.remove();
    changer = freshMailbox('one-conn-pw');
  }
  try {
    const session = await logIn(proxy, changer.email, changer.password);
    const tab = await openEventReader(`${base}/api/events`, session.cookie);
    await tab.next(isEvent('resync'));
    const from = tab.received.length;
    const changed = await session.post('/api/password', { current: changer.password, next: 'Ruou#Moi2026' });
    expect(changed.statusCode, changed.body).toBe(204);
    // The pooled connection logged in with the old password is closed; the watch opens the next.
    await tab.next(isEvent('resync'), { from });
    await deliver(changer.email, 'Thư sau khi đổi mật khẩu');
    await tab.next(
      isEvent('new_mail', (e) => e.subject === 'Thư sau khi đổi mật khẩu'),
      { from },
    );
    expect(tab.received.some((r) => r.event.type === 'session_ended')).toBe(false);
    expect(dovecotConnections(changer.email)).toBe(1);
    await tab.close();
  } finally {
    changer.remove();
  }
});
