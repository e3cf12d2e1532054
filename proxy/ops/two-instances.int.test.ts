import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeMailUser, upsertMailUser } from '../../scripts/mailstack/mail-users';
import { resetMailbox } from '../../scripts/seed/mailbox-reset';
import { browserLikeClient } from '../test-support/browser-like-client';
import { type EventReader, isEvent, openEventReader } from '../test-support/event-stream-reader';
import { fillMailbox } from '../test-support/fill-mailbox';
import { startNginx } from '../test-support/nginx-pair';
import { type ProxyInstance, removeProxyBundle, startProxyInstances } from '../test-support/proxy-instances';
import { messagesIn } from '../test-support/read-mailbox';
import { type PrivateSchema, privateSchema } from '../test-support/test-store';

const NGINX_PORT = 18443;
const PROXY_PORTS = [18081, 18082];
const MB = 1024 * 1024;
const SYSTEM_SENDER = 'khongtraloi@binhphuoc.gov.vn';
const sender = {
  email: 'haiphien.sttt@binhphuoc.gov.vn',
  password: 'HaiPhiên#2026đủ',
  displayName: 'Trần Hai Phiên',
};
/** A 1 MB mailbox 90 % full: the quota warning job (Đ7.2c) owes it one warning. */
const nearlyFull = {
  email: 'dayhaimay.sttt@binhphuoc.gov.vn',
  password: 'ĐầyHaiMáy#2026',
  displayName: 'Hộp Gần Đầy',
};
const receiver = {
  email: 'nhanhai.sttt@binhphuoc.gov.vn',
  password: 'NhậnHai#2026đủ',
  displayName: 'Lý Nhận Hai',
};

/** Open live-update streams an instance holds, from its /metrics (allowed from 127.0.0.1). */
async function liveStreamsOn(port: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return Number(/^bp_live_streams (\d+)/m.exec(text)?.[1] ?? Number.NaN);
}

/**
 * The deployment of docs/deploy.md on one machine: Debian's nginx with the project's site,
 * round-robin to two production proxies (the built bundle under plain node), one PostgreSQL
 * store. A user works through it while one instance dies under them.
 */
describe('two instances behind nginx, sharing PostgreSQL', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bp-pair-'));
  let store: PrivateSchema;
  let nginx: Awaited<ReturnType<typeof startNginx>>;
  let instances: ProxyInstance[];
  let base: string;

  beforeAll(async () => {
    for (const a of [sender, receiver, nearlyFull]) {
      upsertMailUser({
        ...a,
        quotaBytes: a === nearlyFull ? MB : 2048 * MB,
        suspendReason: null,
        unitName: 'Sở Thông tin và Truyền thông',
      });
      resetMailbox(a.email);
    }
    await fillMailbox(nearlyFull.email, 0.9 * MB);
    store = await privateSchema('pair');
    base = `https://127.0.0.1:${NGINX_PORT}`;
    instances = await startProxyInstances(dir, PROXY_PORTS, {
      DATABASE_URL: store.url,
      DATABASE_POOL_SIZE: '4',
      PUBLIC_URL: base,
      TRUST_PROXY_HOPS: '1',
      // Due every minute on both instances at the same moments: the last test counts the warnings.
      QUOTA_WARNING_JOB_MINUTES: '1',
      LIFECYCLE_JOB_HOUR: '-1',
    });
    nginx = await startNginx(path.join(dir, 'nginx'), NGINX_PORT, PROXY_PORTS);
  }, 120_000);

  afterAll(async () => {
    await nginx?.stop();
    for (const instance of instances ?? []) await instance.stop('SIGTERM');
    await store?.drop();
    for (const a of [sender, receiver, nearlyFull]) removeMailUser(a.email);
    rmSync(dir, { recursive: true, force: true });
    removeProxyBundle();
  });

  it('keeps a user working when an instance dies mid-flow: the upload and the draft survive, the message goes once', async () => {
    const user = browserLikeClient(base, nginx.ca);
    await user.logIn(sender.email, sender.password);
    expect((await user.get('/api/mailboxes')).status).toBe(200);
    expect((await user.get('/api/mailboxes/INBOX/messages')).status).toBe(200);
    expect((await user.get('/api/session')).status).toBe(200);

    const composeId = randomUUID();
    const bytes = randomBytes(5 * MB);
    const up = await user.upload(`/api/uploads?composeId=${composeId}`, {
      name: 'Báo cáo quý IV – Sở TT&TT.pdf',
      type: 'application/pdf',
      bytes,
    });
    expect(up.status, up.body.toString()).toBe(201);
    const uploadId = up.json<{ id: string }>().id;
    const message = {
      composeId,
      to: [{ name: receiver.displayName, address: receiver.email }],
      subject: `Hai máy chủ, một lần gửi ${composeId.slice(0, 8)}`,
      html: '<p>Kính gửi anh Hai,</p>',
      text: 'Kính gửi anh Hai,',
      attachments: [uploadId],
    };
    const draft = await user.send('POST', '/api/drafts', { json: message });
    expect(draft.status).toBe(200);
    const draftUid = draft.json<{ draftUid: number }>().draftUid;

    // Both instances served this user (round-robin, no sticky session).
    const served = new Set(nginx.accessLog().map((l) => l.upstreams));
    expect([...served].some((u) => u.includes(`:${PROXY_PORTS[0]}`))).toBe(true);
    expect([...served].some((u) => u.includes(`:${PROXY_PORTS[1]}`))).toBe(true);

    // One instance dies: whatever it held in memory or on its disk is gone.
    await instances[0]!.stop('SIGKILL');
    const before = user.state.retries;
    for (let i = 0; i < 4; i++) expect((await user.get('/api/mailboxes/INBOX/messages')).status).toBe(200);
    const drafts = await user.get('/api/mailboxes/Drafts/messages');
    expect(drafts.status).toBe(200);
    expect(JSON.stringify(drafts.json())).toContain(message.subject);

    const sent = await user.send('POST', '/api/send', { json: { ...message, draftUid }, idempotent: true });
    expect(sent.status).toBe(200);
    const { messageId } = sent.json<{ messageId: string }>();
    // The same window's send arriving again (a retried request) returns the first result.
    const again = await user.send('POST', '/api/send', { json: { ...message, draftUid }, idempotent: true });
    expect(again.json<{ messageId: string }>().messageId).toBe(messageId);
    expect(user.state.retries - before).toBeLessThanOrEqual(1);

    await expect.poll(async () => (await messagesIn(receiver, 'INBOX')).length, { timeout: 15_000 }).toBe(1);
    const [got] = await messagesIn(receiver, 'INBOX');
    expect(got!.parsed.messageId).toBe(messageId);
    expect(got!.parsed.attachments.map((a) => [a.filename, a.size])).toEqual([
      ['Báo cáo quý IV – Sở TT&TT.pdf', bytes.length],
    ]);
    expect(Buffer.compare(got!.parsed.attachments[0]!.content, bytes)).toBe(0);
    // The draft left Drafts when it was sent.
    expect((await messagesIn(sender, 'Drafts')).map((m) => m.parsed.subject)).not.toContain(message.subject);

    // Back up, it is given traffic again once nginx's fail_timeout has passed.
    await instances[0]!.start();
    await expect
      .poll(
        async () => {
          await user.get('/api/session');
          await user.get('/api/session');
          return new Set(
            nginx
              .accessLog()
              .slice(-2)
              .map((l) => l.upstreams),
          ).size;
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(2);
  }, 90_000);

  it("keeps live updates working when a user's tabs land on different instances", async () => {
    const user = browserLikeClient(base, nginx.ca);
    await user.logIn(receiver.email, receiver.password);
    const tabs: EventReader[] = [];
    try {
      // Round-robin: two streams opened one after the other go to the two instances.
      for (let i = 0; i < 2; i++)
        tabs.push(await openEventReader(`${base}/api/events`, user.cookie(), nginx.ca));
      for (const tab of tabs) expect(tab.status).toBe(200);
      // An open stream is not in nginx's access log yet: each instance's own gauge says where it is.
      const streams = await Promise.all(PROXY_PORTS.map((port) => liveStreamsOn(port)));
      expect(streams).toEqual([1, 1]);

      const writer = browserLikeClient(base, nginx.ca);
      await writer.logIn(sender.email, sender.password);
      const subject = `Cả hai thẻ đều thấy ${randomUUID().slice(0, 8)}`;
      const sent = await writer.send('POST', '/api/send', {
        json: {
          composeId: randomUUID(),
          to: [{ address: receiver.email }],
          subject,
          html: null,
          text: 'Chào anh.',
        },
        idempotent: true,
      });
      expect(sent.status).toBe(200);
      for (const tab of tabs) {
        const { event } = await tab.next(isEvent('new_mail'), { timeoutMs: 20_000 });
        expect(event.subject).toBe(subject);
      }

      // Logging out on one instance ends the other instance's stream too: the session is shared.
      expect((await user.send('DELETE', '/api/session')).status).toBe(204);
      for (const tab of tabs) await tab.next(isEvent('session_ended'), { timeoutMs: 20_000 });
    } finally {
      for (const tab of tabs) await tab.close();
    }
  }, 150_000);

  it('answers 503 store_unavailable while PostgreSQL restarts, then recovers by itself with the same session', async () => {
    const user = browserLikeClient(base, nginx.ca);
    await user.logIn(sender.email, sender.password);
    execFileSync('bash', ['scripts/postgres/postgres.sh', 'stop'], { stdio: 'ignore' });
    try {
      const down = await user.get('/api/mailboxes');
      expect(down.status).toBe(503);
      expect(down.json()).toMatchObject({
        error: { code: 'store_unavailable', message: expect.stringContaining('Vui lòng thử lại') },
      });
    } finally {
      execFileSync('bash', ['scripts/postgres/postgres.sh', 'start'], { stdio: 'ignore' });
    }
    await expect.poll(async () => (await user.get('/api/mailboxes')).status, { timeout: 15_000 }).toBe(200);
    expect((await user.get('/api/session')).json()).toMatchObject({ email: sender.email });
  });

  it('answers 503 provider_unavailable while Dovecot restarts, and the next request reconnects', async () => {
    const user = browserLikeClient(base, nginx.ca);
    await user.logIn(sender.email, sender.password);
    expect((await user.get('/api/mailboxes')).status).toBe(200);
    execFileSync('bash', ['scripts/mailstack/mailstack.sh', 'dovecot-stop'], { stdio: 'ignore' });
    try {
      const down = await user.get('/api/mailboxes/INBOX/messages');
      expect(down.status).toBe(503);
      expect(down.json()).toMatchObject({ error: { code: 'provider_unavailable' } });
    } finally {
      execFileSync('bash', ['scripts/mailstack/mailstack.sh', 'dovecot-start'], { stdio: 'ignore' });
    }
    for (let i = 0; i < 2; i++) expect((await user.get('/api/mailboxes/INBOX/messages')).status).toBe(200);
    expect((await user.get('/api/session')).json()).toMatchObject({ email: sender.email });
  });

  it('runs a job due on both instances at the same moment once: one quota warning, not two', async () => {
    const warnings = async () =>
      (await messagesIn(nearlyFull, 'INBOX')).filter(
        (m) => m.parsed.from?.value[0]?.address === SYSTEM_SENDER,
      );
    await expect
      .poll(async () => (await warnings()).length, { timeout: 150_000, interval: 2_000 })
      .toBeGreaterThan(0);
    // A second instance running the same slot would have delivered its copy at the same time.
    await new Promise((r) => setTimeout(r, 5_000));
    expect(await warnings()).toHaveLength(1);

    // The store as both instances see it.
    const client = new pg.Client({ connectionString: store.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ slot: string; instance: string; outcome: string | null }>(
        "SELECT slot, instance, outcome FROM job_runs WHERE job = 'quota-warnings'",
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.some((r) => r.outcome === 'ok')).toBe(true);
      for (const r of rows) expect(['instance-a', 'instance-b']).toContain(r.instance);
    } finally {
      await client.end();
    }
  }, 180_000);
});
