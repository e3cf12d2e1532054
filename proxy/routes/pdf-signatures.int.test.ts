import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageDetail, PdfSignatureReport } from '../../common/contract';
import { freePort } from '../test-support/free-port';
import { type FreshMailbox, freshMailbox } from '../test-support/fresh-mailbox';
import { logIn, type ProxyHarness, startProxy } from '../test-support/proxy-harness';
import {
  makeSignedPdfSet,
  SIGNER_NAME,
  type SignedPdfSet,
  signedPdfCases,
  signedPdfMessage,
  signedPdfNames,
  startOcspResponder,
} from '../test-support/signed-pdfs';

/**
 * Đ14.2h through the proxy: a message with signed PDFs in a mailbox of the real Dovecot, each
 * attachment's signatures asked for as the reader's chip asks, verified by the real pdfsig
 * against the test's own trust anchors.
 */
describe('signatures of PDF attachments (real Dovecot, real pdfsig)', { timeout: 60_000 }, () => {
  let dir: string;
  let set: SignedPdfSet;
  let ocsp: { stop: () => void };
  let owner: FreshMailbox;
  let proxy: ProxyHarness;
  let client: Awaited<ReturnType<typeof logIn>>;
  let detail: MessageDetail;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pdfsig-int-'));
    const port = await freePort();
    set = await makeSignedPdfSet(path.join(dir, 'fixtures'), `http://127.0.0.1:${port}`);
    ocsp = await startOcspResponder(set, port);
    owner = freshMailbox('docthu-kyso');
    const pdfs = Object.fromEntries(signedPdfCases.map((c) => [c, set[c]]));
    const raw = await signedPdfMessage(pdfs, owner.email);
    await owner.imap(async (imap) => {
      await imap.append('INBOX', raw, []);
      await imap.append('INBOX', await signedPdfMessage({}, owner.email, 'Thư không có tệp'), []);
    });
    proxy = await startProxy({
      TRUST_ANCHORS_DIR: set.anchorsDir,
      PDF_SIGNATURE_MAX_BYTES: String(2 * 1024 ** 2),
    });
    client = await logIn(proxy, owner.email, owner.password);
    detail = (await client.get('/api/mailboxes/INBOX/messages/1')).json() as MessageDetail;
  }, 90_000);

  afterAll(async () => {
    ocsp?.stop();
    await proxy?.close();
    owner?.remove();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const partOf = (name: string) => detail.attachments.find((a) => a.filename === name)!.id;
  const signatures = (part: string) =>
    client.get(`/api/mailboxes/INBOX/messages/1/attachments/${part}/signatures`);

  it.each([
    ['valid', 'valid'],
    ['altered', 'content_altered'],
    ['appended', 'changed_after_signing'],
    ['untrusted', 'untrusted_issuer'],
    ['expired', 'expired'],
    ['revoked', 'revoked'],
  ] as const)('%s → %s', async (name, outcome) => {
    const res = await signatures(partOf(signedPdfNames[name]));
    expect(res.statusCode).toBe(200);
    const report = res.json() as PdfSignatureReport;
    expect(report.status).toBe('signed');
    expect(report.outcome).toBe(outcome);
    expect(report.signatures).toHaveLength(1);
  });

  it('answers the signer in NFC, the issuer, the signing time and the coverage', async () => {
    const report = (await signatures(partOf(signedPdfNames.valid))).json() as PdfSignatureReport;
    expect(report.signatures[0]).toMatchObject({
      signerName: SIGNER_NAME,
      issuer: 'C=VN, O=Ban Co yeu Thu nghiem, CN=Ban Co yeu Thu nghiem Root CA',
      wholeDocumentSigned: true,
      revocationChecked: true,
    });
    expect(report.signatures[0]!.signerName).toBe(SIGNER_NAME.normalize('NFC'));
    expect(Number.isNaN(Date.parse(report.signatures[0]!.signingTime!))).toBe(false);
  });

  it('keeps the answer: the same message asked again is not verified again', async () => {
    const part = partOf(signedPdfNames.appended);
    const first = (await signatures(part)).json() as PdfSignatureReport;
    const again = (await signatures(part)).json() as PdfSignatureReport;
    expect(again.checkedAt).toBe(first.checkedAt);
  });

  it('says "not signed" for a PDF without signatures', async () => {
    const report = (await signatures(partOf(signedPdfNames.unsigned))).json() as PdfSignatureReport;
    expect(report).toMatchObject({ status: 'not_signed', outcome: null, signatures: [] });
  });

  it('answers with stable codes: no such part, no such message, the part is not a PDF', async () => {
    const missing = await signatures('9');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('attachment_not_found');
    const noMessage = await client.get('/api/mailboxes/INBOX/messages/999/attachments/2/signatures');
    expect(noMessage.statusCode).toBe(404);
    expect(noMessage.json().error.code).toBe('message_not_found');
    const textPart = await client.get('/api/mailboxes/INBOX/messages/2/attachments/1/signatures');
    expect([404, 415]).toContain(textPart.statusCode);
  });

  it('refuses a PDF over PDF_SIGNATURE_MAX_BYTES without verifying it', async () => {
    const small = await startProxy({ TRUST_ANCHORS_DIR: set.anchorsDir, PDF_SIGNATURE_MAX_BYTES: '100000' });
    try {
      const other = await logIn(small, owner.email, owner.password);
      const res = await other.get(
        `/api/mailboxes/INBOX/messages/1/attachments/${partOf(signedPdfNames.valid)}/signatures`,
      );
      expect(res.statusCode).toBe(413);
      expect(res.json().error.code).toBe('pdf_signature_too_large');
    } finally {
      await small.close();
    }
  });

  it('needs a session', async () => {
    const res = await proxy.app.inject({
      method: 'GET',
      url: '/api/mailboxes/INBOX/messages/1/attachments/2/signatures',
    });
    expect(res.statusCode).toBe(401);
  });
});
