import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import PDFDocument from 'pdfkit';
import { makeSigningDb, makeTestCa, makeTestLeaf, type TestLeaf } from './pdf-test-pki';

/**
 * Signed PDFs for the verifier's tests, made and signed at run time with poppler's own signer
 * (`pdfsig -add-signature`): one per outcome the reader must tell apart.
 */
export interface SignedPdfSet {
  /** Holds only the trusted root's PEM: what TRUST_ANCHORS_DIR points at. */
  anchorsDir: string;
  valid: Buffer;
  /** A byte inside the signed range changed. */
  altered: Buffer;
  /** An incremental update appended after the signature. */
  appended: Buffer;
  /** Signed by a leaf of a root that is not configured. */
  untrusted: Buffer;
  /** Signed with a certificate that had expired before the signing time. */
  expired: Buffer;
  /** Signed by a leaf the OCSP responder says is revoked. */
  revoked: Buffer;
  unsigned: Buffer;
  /** Index for `openssl ocsp`: every leaf good but the revoked one. */
  ocspIndex: string;
  ocspSigner: { cert: string; key: string };
}

export const SIGNER_NAME = 'Nguyễn Văn Thành';
export const TITLE_MARK = 'Cong van so 12';

export function plainPdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ compress: false, info: { Title: TITLE_MARK } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text('UBND tinh Binh Phuoc - van ban dien tu co ky so');
    doc.end();
  });
}

export async function makeSignedPdfSet(dir: string, ocspUrl: string): Promise<SignedPdfSet> {
  const pki = path.join(dir, 'pki');
  const anchorsDir = path.join(dir, 'anchors');
  const signDb = path.join(dir, 'signdb');
  for (const d of [pki, anchorsDir, signDb]) mkdirSync(d, { recursive: true });
  const root = await makeTestCa(pki, 'Ban Co yeu Thu nghiem');
  const stranger = await makeTestCa(pki, 'CA La');
  writeFileSync(path.join(anchorsDir, 'root.pem'), readFileSync(root.pemFile));
  const org = 'UBND tỉnh Bình Phước';
  const good = await makeTestLeaf(pki, root, {
    commonName: SIGNER_NAME,
    organisation: org,
    nick: 'good',
    ocspUrl,
  });
  const revokedLeaf = await makeTestLeaf(pki, root, {
    commonName: 'Trần Thị Hồng',
    organisation: org,
    nick: 'revoked',
    ocspUrl,
  });
  const strangerLeaf = await makeTestLeaf(pki, stranger, {
    commonName: 'Lê Văn Lạ',
    organisation: 'Nơi khác',
    nick: 'stranger',
  });
  const expiredLeaf = await makeTestLeaf(pki, root, {
    commonName: 'Phạm Văn Cũ',
    organisation: org,
    nick: 'expired',
    notBefore: new Date(Date.now() - 40 * 86_400_000),
    notAfter: new Date(Date.now() - 10 * 86_400_000),
    ocspUrl,
  });
  makeSigningDb(signDb, [good, revokedLeaf, strangerLeaf, expiredLeaf]);

  const unsigned = await plainPdf();
  const plainFile = path.join(dir, 'plain.pdf');
  writeFileSync(plainFile, unsigned);
  const sign = (leaf: TestLeaf) => {
    const out = path.join(dir, `${leaf.nick}.pdf`);
    execFileSync(
      'pdfsig',
      [
        '-nssdir',
        `sql:${signDb}`,
        '-nick',
        leaf.nick,
        '-add-signature',
        '-reason',
        'Phê duyệt',
        plainFile,
        out,
      ],
      {
        stdio: ['ignore', 'ignore', 'ignore'],
      },
    );
    return readFileSync(out);
  };
  const valid = sign(good);
  const mark = valid.indexOf(TITLE_MARK);
  if (mark < 0) throw new Error('title not found in the signed PDF');
  const altered = Buffer.from(valid);
  altered.write('3', mark + TITLE_MARK.length - 1, 'latin1');
  const appended = Buffer.concat([
    valid,
    Buffer.from('\n% changed after signing\n99 0 obj\n(sua doi)\nendobj\n', 'latin1'),
  ]);

  const ocspIndex = path.join(pki, 'index.txt');
  const line = (leaf: TestLeaf, revoked: boolean) =>
    [
      revoked ? 'R' : 'V',
      asn1Time(leaf.certificate.notAfter),
      revoked ? asn1Time(new Date(Date.now() - 86_400_000)) : '',
      leaf.certificate.serialNumber.toUpperCase(),
      'unknown',
      '/CN=test',
    ].join('\t');
  writeFileSync(
    ocspIndex,
    `${[line(good, false), line(revokedLeaf, true), line(expiredLeaf, false)].join('\n')}\n`,
  );
  writeFileSync(path.join(pki, 'index.txt.attr'), 'unique_subject = no\n');
  const caKey = path.join(pki, 'root.key');
  const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', root.keys.privateKey)).toString('base64');
  writeFileSync(
    caKey,
    `-----BEGIN PRIVATE KEY-----\n${pkcs8.replace(/.{64}/g, '$&\n')}\n-----END PRIVATE KEY-----\n`,
  );

  return {
    anchorsDir,
    valid,
    altered,
    appended,
    untrusted: sign(strangerLeaf),
    expired: sign(expiredLeaf),
    revoked: sign(revokedLeaf),
    unsigned,
    ocspIndex,
    ocspSigner: { cert: root.pemFile, key: caKey },
  };
}

function asn1Time(d: Date): string {
  return `${d.toISOString().slice(2, 19).replace(/[-:T]/g, '')}Z`;
}

/** `openssl ocsp` as the CA's responder on a loopback port; stop() ends it. */
export async function startOcspResponder(set: SignedPdfSet, port: number): Promise<{ stop: () => void }> {
  const child = spawn(
    'openssl',
    [
      'ocsp',
      // OpenSSL 3.0 takes a port number only (it listens on every address).
      '-port',
      String(port),
      '-index',
      set.ocspIndex,
      '-CA',
      set.ocspSigner.cert,
      '-rsigner',
      set.ocspSigner.cert,
      '-rkey',
      set.ocspSigner.key,
      '-ignore_err',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('openssl ocsp did not start')), 5000);
    child.stderr.on('data', (d: Buffer) => {
      if (/waiting for OCSP/i.test(d.toString())) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`openssl ocsp exited (${code})`));
    });
  });
  return { stop: () => child.kill() };
}

export const signedPdfCases = [
  'valid',
  'altered',
  'appended',
  'untrusted',
  'expired',
  'revoked',
  'unsigned',
] as const;
export type SignedPdfCase = (typeof signedPdfCases)[number];

/** The attachment names the tests and the screenshot show, as an office would name them. */
export const signedPdfNames: Record<SignedPdfCase, string> = {
  valid: 'Quyết định 125-QĐ-UBND.pdf',
  altered: 'Công văn 318-UBND-KT (đã sửa).pdf',
  appended: 'Kế hoạch 42-KH-UBND.pdf',
  untrusted: 'Thông báo của đơn vị lạ.pdf',
  expired: 'Tờ trình 77-TTr-STTTT.pdf',
  revoked: 'Báo cáo 09-BC-SNV.pdf',
  unsigned: 'Dự thảo chưa ký.pdf',
};

/** A message carrying the given cases as PDF attachments, in that order (parts 2, 3, …). */
export function signedPdfMessage(
  pdfs: Partial<Record<SignedPdfCase, Buffer>>,
  to: string,
  subject = 'Văn bản điện tử có ký số',
): Promise<Buffer> {
  return new MailComposer({
    from: 'Văn thư UBND tỉnh <vanthu.vpubnd@binhphuoc.gov.vn>',
    to,
    subject,
    text: 'Văn thư gửi các văn bản điện tử có ký số (Điều 14.2h).',
    attachments: Object.entries(pdfs).map(([name, content]) => ({
      filename: signedPdfNames[name as SignedPdfCase],
      contentType: 'application/pdf',
      content,
    })),
  })
    .compile()
    .build();
}
