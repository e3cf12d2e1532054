import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageDetail } from '../../common/contract';
import { type FreshMailbox, freshMailbox } from '../test-support/fresh-mailbox';
import { logIn, type ProxyHarness, startProxy } from '../test-support/proxy-harness';
import { signedMail, tamperedMail } from '../test-support/smime-sign';
import {
  type CrlServer,
  makeCa,
  makeCrl,
  makeLeaf,
  serveCrl,
  unreachableUrl,
} from '../test-support/test-pki';

/**
 * Đ14.2h end to end: a PKI made for this run (root, intermediate, signers), messages signed by
 * openssl, APPENDed to a mailbox of the test's own in the real Dovecot and read through the proxy,
 * whose TRUST_ANCHORS_DIR holds only this run's root. The intermediate's CRL is served on
 * 127.0.0.1; one signer names a CRL server that is offline.
 */
const FROM = 'vanthu.sttt@binhphuoc.gov.vn';
const TEXT = 'Kính gửi các đơn vị: đề nghị báo cáo kết quả chuyển đổi số trước ngày 15/12/2026.\n';

const cases = [
  'valid',
  'tampered',
  'expired',
  'untrusted',
  'wrongEmail',
  'revoked',
  'crlOffline',
  'opaque',
  'unsigned',
  'emailInSubject',
] as const;
type Case = (typeof cases)[number];

let owner: FreshMailbox;
let proxy: ProxyHarness;
let client: Awaited<ReturnType<typeof logIn>>;
let crls: CrlServer;
let anchorsDir: string;
const uidOf = (c: Case) => cases.indexOf(c) + 1;

async function read(c: Case): Promise<MessageDetail> {
  const res = await client.get(`/api/mailboxes/INBOX/messages/${uidOf(c)}`);
  expect(res.statusCode).toBe(200);
  return res.json() as MessageDetail;
}

beforeAll(async () => {
  const root = await makeCa({ name: 'Root CA Thử nghiệm' });
  const strangerRoot = await makeCa({ name: 'Unknown Root' });
  crls = await serveCrl();
  const intermediate = await makeLeaf(root, {
    ca: true,
    name: 'CA Cấp hai Thử nghiệm',
    crlUrls: [crls.url('root')],
  });
  const signer = (extra: Parameters<typeof makeLeaf>[1] = {}) =>
    makeLeaf(intermediate, {
      name: 'Trần Văn Thư',
      organisation: 'Sở Thông tin và Truyền thông',
      emails: [FROM],
      crlUrls: [crls.url('intermediate')],
      ...extra,
    });
  const good = await signer();
  const revoked = await signer();
  const expired = await signer({
    notBefore: new Date(Date.now() - 400 * 86_400_000),
    notAfter: new Date(Date.now() - 86_400_000),
  });
  const offline = await signer({ crlUrls: [await unreachableUrl()] });
  const wrongEmail = await signer({ emails: ['nguoikhac@binhphuoc.gov.vn'] });
  const inSubject = await signer({ emailInSubject: true });
  const stranger = await makeLeaf(strangerRoot, { emails: [FROM], name: 'Người lạ' });
  crls.setCrl(await makeCrl(root), 'root');
  crls.setCrl(await makeCrl(intermediate, [revoked]), 'intermediate');

  anchorsDir = mkdtempSync(path.join(tmpdir(), 'bp-anchors-'));
  writeFileSync(path.join(anchorsDir, 'root.pem'), root.certPem);
  writeFileSync(
    path.join(anchorsDir, 'hong.pem'),
    '-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n',
  );

  const mail = (signerCert: typeof good, extra: Partial<Parameters<typeof signedMail>[0]> = {}) =>
    signedMail({
      signer: signerCert,
      chain: [intermediate],
      from: `Văn thư Sở <${FROM}>`,
      subject: 'Báo cáo chuyển đổi số',
      text: TEXT,
      ...extra,
    });
  const valid = mail(good);
  const raws: Record<Case, Buffer> = {
    valid,
    tampered: tamperedMail(valid, { text: TEXT, replacement: TEXT.replace('15/12', '25/12') }),
    expired: mail(expired),
    untrusted: signedMail({ signer: stranger, from: FROM, subject: 'Thư lạ', text: TEXT }),
    wrongEmail: mail(wrongEmail),
    revoked: mail(revoked),
    crlOffline: mail(offline),
    opaque: mail(good, { form: 'opaque' }),
    unsigned: Buffer.from(`From: ${FROM}\r\nSubject: unsigned\r\nContent-Type: text/plain\r\n\r\nplain\r\n`),
    emailInSubject: mail(inSubject),
  };

  owner = freshMailbox('docthu-smime');
  await owner.imap(async (imap) => {
    for (const c of cases) await imap.append('INBOX', raws[c], []);
  });
  proxy = await startProxy({ TRUST_ANCHORS_DIR: anchorsDir, REVOCATION_TIMEOUT_MS: '1500' });
  client = await logIn(proxy, owner.email, owner.password);
});

afterAll(async () => {
  await proxy?.close();
  await crls?.close();
  owner?.remove();
  if (anchorsDir) rmSync(anchorsDir, { recursive: true, force: true });
});

describe('S/MIME signatures read through the proxy', () => {
  it('loads the configured root and names the file it could not read', () => {
    expect(proxy.ctx.signatures.trust.anchors).toHaveLength(1);
    expect(proxy.ctx.signatures.trust.skipped.map((s) => s.file)).toEqual(['hong.pem']);
  });

  it('shows a valid multipart/signed message with its signer, checked by CRL, without the smime.p7s', async () => {
    const msg = await read('valid');
    expect(msg.signature).toMatchObject({
      outcome: 'valid',
      form: 'detached',
      signerName: 'Trần Văn Thư',
      signerEmail: FROM,
      organisation: 'Sở Thông tin và Truyền thông',
      issuerName: 'CA Cấp hai Thử nghiệm',
      signingTimeSource: 'signed_attribute',
      contentIntact: true,
      chainTrusted: true,
      validAtSigningTime: true,
      matchesFrom: true,
      usageAllowed: true,
      revocation: 'good',
      revocationMethod: 'crl',
    });
    expect(Math.abs(Date.parse(msg.signature!.signingTime!) - Date.now())).toBeLessThan(10 * 60_000);
    expect(msg.text).toContain('15/12/2026');
    expect(msg.attachments).toEqual([]);
  });

  it('says the content was altered when one word changed after signing', async () => {
    const msg = await read('tampered');
    expect(msg.signature).toMatchObject({ outcome: 'content_altered', contentIntact: false });
    expect(msg.text).toContain('25/12/2026');
  });

  it('says expired when the certificate was not valid at the signing time', async () => {
    expect((await read('expired')).signature).toMatchObject({
      outcome: 'expired',
      chainTrusted: true,
      validAtSigningTime: false,
    });
  });

  it('says untrusted issuer for a root that is not configured', async () => {
    expect((await read('untrusted')).signature).toMatchObject({
      outcome: 'untrusted_issuer',
      contentIntact: true,
      chainTrusted: false,
      issuerName: 'Unknown Root',
      revocation: 'not_checked',
    });
  });

  it('says not for this sender when no certificate address is the From address', async () => {
    expect((await read('wrongEmail')).signature).toMatchObject({
      outcome: 'not_for_sender',
      signerEmail: 'nguoikhac@binhphuoc.gov.vn',
      matchesFrom: false,
    });
  });

  it('accepts the address in the subject emailAddress of older certificates', async () => {
    expect((await read('emailInSubject')).signature).toMatchObject({ outcome: 'valid', signerEmail: FROM });
  });

  it('says revoked when the CRL served on 127.0.0.1 lists the certificate', async () => {
    const signature = (await read('revoked')).signature;
    expect(signature).toMatchObject({ outcome: 'revoked', revocation: 'revoked', revocationMethod: 'crl' });
    expect(signature?.revokedAt).not.toBeNull();
  });

  it('says revocation not checked when the CRL server is offline, and does not claim more', async () => {
    expect((await read('crlOffline')).signature).toMatchObject({
      outcome: 'revocation_not_checked',
      contentIntact: true,
      chainTrusted: true,
      revocation: 'not_checked',
      revocationMethod: null,
    });
  });

  it('shows the content of an opaque signed-data message as its body, not as smime.p7m', async () => {
    const msg = await read('opaque');
    expect(msg.signature).toMatchObject({ outcome: 'valid', form: 'opaque' });
    expect(msg.text).toContain('chuyển đổi số trước ngày 15/12/2026');
    expect(msg.attachments).toEqual([]);
  });

  it('gives no signature for an unsigned message', async () => {
    expect((await read('unsigned')).signature).toBeNull();
  });

  it('downloads each CRL once and keeps it until its next update', async () => {
    const before = crls.requests();
    await read('valid');
    await read('revoked');
    expect(crls.requests()).toBe(before);
  });
});
