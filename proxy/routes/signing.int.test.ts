import { createHash, randomBytes, randomUUID, webcrypto } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDetached } from '../../common/signing/cms-signature';
import { readPkcs12 } from '../../common/signing/pkcs12';
import { importSigningIdentity, type SigningIdentity } from '../../common/signing/signing-key';
import type { WebCrypto } from '../../common/signing/web-crypto';
import { removeMailUser, upsertMailUser } from '../../scripts/mailstack/mail-users';
import { resolveMailDomain } from '../../scripts/mailstack/paths';
import { withImapSession } from '../../scripts/seed/imap-append';
import { resetMailbox } from '../../scripts/seed/mailbox-reset';
import { logIn, type ProxyHarness, sessionClient, startProxy } from '../test-support/proxy-harness';
import { makeSmimeIdentity, opensslVerify, type SmimeIdentity } from '../test-support/smime-identity';

/**
 * Đ14.2h end to end without a browser: a CA and the sender's PKCS#12 made by openssl, the key
 * opened and used by the same code the browser runs (Node's WebCrypto), the message through the
 * real Postfix submission, and the delivered bytes checked by a second, independent verifier:
 * `openssl cms -verify` against the test CA.
 */
const crypto = webcrypto as unknown as WebCrypto;
const tag = randomBytes(3).toString('hex');
const domain = resolveMailDomain();
const sender = { email: `kyso${tag}.sttt@${domain}`, password: 'Ky#So2026Hue', displayName: 'Trần Văn Ký' };
const receiver = {
  email: `nhanky${tag}.sttt@${domain}`,
  password: 'Nhan#Ky2026Hue',
  displayName: 'Đỗ Thị Nhận',
};

type Client = Awaited<ReturnType<typeof logIn>>;

async function rawMessagesIn(login: { email: string; password: string }, folder: string): Promise<Buffer[]> {
  return withImapSession(login, async (client) => {
    const out: Buffer[] = [];
    const lock = await client.getMailboxLock(folder).catch(() => null);
    if (!lock) return out;
    try {
      if (client.mailbox && client.mailbox.exists === 0) return out;
      for await (const m of client.fetch('1:*', { source: true })) if (m.source) out.push(m.source);
    } finally {
      lock.release();
    }
    return out;
  });
}

async function sign(identity: SigningIdentity, digestBase64: string): Promise<string> {
  const signature = await signDetached({
    contentDigest: new Uint8Array(Buffer.from(digestBase64, 'base64')),
    key: identity.key,
    chain: identity.chain,
    signingTime: new Date(),
    crypto,
  });
  return Buffer.from(signature).toString('base64');
}

async function openIdentity(id: SmimeIdentity, address: string) {
  return importSigningIdentity(await readPkcs12(new Uint8Array(id.p12), id.password, crypto), crypto, {
    address,
    now: new Date(),
  });
}

describe('sending signed with the user’s own certificate', () => {
  let proxy: ProxyHarness;
  let client: Client;
  let id: SmimeIdentity;
  let identity: SigningIdentity;

  beforeAll(async () => {
    for (const a of [sender, receiver]) {
      upsertMailUser({
        ...a,
        quotaBytes: 1024 ** 3,
        suspendReason: null,
        unitName: 'Sở Thông tin và Truyền thông',
      });
      resetMailbox(a.email);
    }
    id = makeSmimeIdentity(sender.email);
    identity = await openIdentity(id, sender.email);
    proxy = await startProxy({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
    client = await logIn(proxy, sender.email, sender.password);
  });
  afterAll(async () => {
    await proxy?.close();
    for (const a of [sender, receiver]) {
      removeMailUser(a.email);
      resetMailbox(a.email);
    }
    id?.remove();
  });

  const outgoing = (composeId: string, attachments: string[] = []) => ({
    composeId,
    to: [{ name: receiver.displayName, address: receiver.email }],
    subject: 'Công văn 125 ký số',
    html: '<p>Kính gửi <strong>chị Nhận</strong>,</p><p>Đề nghị xem công văn đính kèm.</p>',
    text: '',
    attachments,
  });

  it('delivers a multipart/signed message that openssl verifies against the CA; one changed byte fails', async () => {
    const composeId = randomUUID();
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(40 * 1024)]);
    const boundary = `----bp${randomUUID()}`;
    const up = await proxy.app.inject({
      method: 'POST',
      url: `/api/uploads?composeId=${composeId}`,
      headers: {
        host: '127.0.0.1:8080',
        cookie: client.cookie,
        'x-csrf-token': client.csrfToken,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Công văn 125.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        pdf,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(up.statusCode).toBe(201);

    const prepared = await client.post('/api/send/signed/prepare', outgoing(composeId, [up.json().id]));
    expect(prepared.statusCode).toBe(200);
    const { preparedId, digest } = prepared.json();
    const signed = { composeId, preparedId, signature: await sign(identity, digest) };
    const res = await client.post('/api/send/signed', signed);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ recipients: 1, sentCopySaved: true, refused: [] });
    // A retry after a lost answer sends nothing new.
    expect((await client.post('/api/send/signed', signed)).json().messageId).toBe(res.json().messageId);

    await expect
      .poll(async () => (await rawMessagesIn(receiver, 'INBOX')).length, { timeout: 10_000 })
      .toBe(1);
    const [delivered] = await rawMessagesIn(receiver, 'INBOX');
    expect(delivered!.toString('latin1')).toMatch(
      /^Content-Type: multipart\/signed; protocol="application\/pkcs7-signature"; micalg=sha-256;/m,
    );

    const verified = opensslVerify(delivered!, id.caFile);
    expect(verified.ok, verified.ok ? '' : verified.error).toBe(true);
    const body = await simpleParser(verified.ok ? verified.content : '');
    expect(body.html).toContain('<strong>chị Nhận</strong>');
    expect(body.attachments.map((a) => [a.filename, a.content.equals(pdf)])).toEqual([
      ['Công văn 125.pdf', true],
    ]);

    const text = delivered!.toString('latin1');
    const tampered = Buffer.from(text.replace('=C4=90=E1=BB=81 ngh', '=C4=90=E1=BB=81 ngH'), 'latin1');
    expect(tampered.equals(delivered!)).toBe(false);
    expect(opensslVerify(tampered, id.caFile).ok).toBe(false);

    // Sent keeps the very bytes that went out: they verify as well.
    const [sent] = await rawMessagesIn(sender, 'Sent');
    expect(opensslVerify(sent!, id.caFile).ok).toBe(true);
    const parsed = await simpleParser(delivered!);
    expect(parsed.subject).toBe('Công văn 125 ký số');
    expect(parsed.from?.value[0]).toEqual({ name: expect.any(String), address: sender.email });
  });

  it('refuses a certificate issued to another address, with its stable code, and sends nothing', async () => {
    const other = makeSmimeIdentity(`khac${tag}.sttt@${domain}`);
    try {
      const otherIdentity = await openIdentity(other, `khac${tag}.sttt@${domain}`);
      const composeId = randomUUID();
      const { preparedId, digest } = (
        await client.post('/api/send/signed/prepare', outgoing(composeId))
      ).json();
      const res = await client.post('/api/send/signed', {
        composeId,
        preparedId,
        signature: await sign(otherIdentity, digest),
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('signing_email_mismatch');
    } finally {
      other.remove();
    }
  });

  it('refuses a signature over other content, and an unknown or foreign prepared message', async () => {
    const composeId = randomUUID();
    const { preparedId } = (await client.post('/api/send/signed/prepare', outgoing(composeId))).json();
    const wrongDigest = createHash('sha256').update('something else').digest('base64');
    const bad = await client.post('/api/send/signed', {
      composeId,
      preparedId,
      signature: await sign(identity, wrongDigest),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('signing_signature_invalid');

    const unknown = await client.post('/api/send/signed', {
      composeId: randomUUID(),
      preparedId,
      signature: await sign(identity, wrongDigest),
    });
    expect(unknown.statusCode).toBe(409);
    expect(unknown.json().error.code).toBe('signing_expired');
    // Only the first message was delivered.
    expect(await rawMessagesIn(receiver, 'INBOX')).toHaveLength(1);
  });
});

describe('signed sending across instances, and when submission fails', () => {
  const user = { email: `kyso2${tag}.sttt@${domain}`, password: 'Ky#So2026Hai', displayName: 'Lê Thị Ký' };
  let first: ProxyHarness;
  let second: ProxyHarness;
  let broken: ProxyHarness;
  let id: SmimeIdentity;
  let identity: SigningIdentity;

  beforeAll(async () => {
    for (const a of [user, receiver]) {
      upsertMailUser({ ...a, quotaBytes: 1024 ** 3, suspendReason: null });
      resetMailbox(a.email);
    }
    id = makeSmimeIdentity(user.email);
    identity = await openIdentity(id, user.email);
    const env = { LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' };
    first = await startProxy(env);
    // The same store (and so the same sessions and prepared messages): a second instance.
    second = await startProxy({ ...env, DATA_DIR: first.dataDir });
    broken = await startProxy({ ...env, DATA_DIR: first.dataDir, SMTP_PORT: '1' });
  });
  afterAll(async () => {
    for (const p of [broken, second, first]) await p?.close();
    for (const a of [user, receiver]) {
      removeMailUser(a.email);
      resetMailbox(a.email);
    }
    id?.remove();
  });

  const message = (composeId: string, subject: string) => ({
    composeId,
    to: [{ address: receiver.email }],
    subject,
    html: null,
    text: 'Nội dung quan trọng\nDòng thứ hai',
  });

  it('prepares on one instance and sends from the other', async () => {
    const onFirst = await logIn(first, user.email, user.password);
    const onSecond = sessionClient(second, onFirst.cookie, onFirst.csrfToken);
    const composeId = randomUUID();
    const { preparedId, digest } = (
      await onFirst.post('/api/send/signed/prepare', message(composeId, 'Hai máy chủ'))
    ).json();
    const res = await onSecond.post('/api/send/signed', {
      composeId,
      preparedId,
      signature: await sign(identity, digest),
    });
    expect(res.statusCode).toBe(200);
    await expect
      .poll(
        async () => {
          const inbox = await rawMessagesIn(receiver, 'INBOX');
          return inbox.filter((m) => opensslVerify(m, id.caFile).ok).length;
        },
        { timeout: 10_000 },
      )
      .toBe(1);
  });

  it('fails with send_failed, keeps the message as a draft, and lets the same window retry', async () => {
    const client = sessionClient(broken, ...(await credentials()));
    const composeId = randomUUID();
    const { preparedId, digest } = (
      await client.post('/api/send/signed/prepare', message(composeId, 'Báo cáo ký số'))
    ).json();
    const signed = { composeId, preparedId, signature: await sign(identity, digest) };
    const res = await client.post('/api/send/signed', signed);
    expect(res.statusCode).toBe(502);
    const { error } = res.json();
    expect(error.code).toBe('send_failed');
    expect(error.details.draftUid).toEqual(expect.any(Number));
    const drafts = await withImapSession(user, async (c) => {
      const lock = await c.getMailboxLock('Drafts');
      try {
        return (await c.fetchAll('1:*', { envelope: true })).map((m) => m.envelope?.subject);
      } finally {
        lock.release();
      }
    });
    expect(drafts).toEqual(['Báo cáo ký số']);
    expect((await client.post('/api/send/signed', signed)).json().error.code).toBe('send_failed');
  });

  async function credentials(): Promise<[string, string]> {
    const c = await logIn(first, user.email, user.password);
    return [c.cookie, c.csrfToken];
  }
});
