import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { signedMail } from '../../proxy/test-support/smime-sign';
import {
  makeLeaf,
  readTestRoot,
  type TestCertificate,
  writeTestRoot,
} from '../../proxy/test-support/test-pki';
import { type MailStackPaths, mailStackPaths } from '../mailstack/paths';
import { readDemoAccounts } from './demo-accounts';
import { CONG_VAN_DEN } from './demo-mailboxes';
import { withImapSession } from './imap-append';

/**
 * Đ14.2h in the demo: one S/MIME-signed message in a Vietnamese demo mailbox, signed under a demo
 * root made on this machine (never in the repository) and kept in the mail stack's state folder.
 * The demo proxy's TRUST_ANCHORS_DIR points at that root (write-demo-env.ts), so the reader shows
 * the signature line. The signer's certificate names no CRL or OCSP server, so the line says,
 * honestly, that revocation could not be checked.
 */
export const demoPkiDir = (paths: MailStackPaths = mailStackPaths) => join(paths.stateDir, 'demo-pki');
export const demoTrustAnchorsDir = (paths: MailStackPaths = mailStackPaths) =>
  join(demoPkiDir(paths), 'trust-anchors');

const SIGNER = 'sttt@binhphuoc.gov.vn';
const READER = 'thanhtv.sttt@binhphuoc.gov.vn';

/** The demo root: made once, then reused, so a running demo proxy keeps trusting it after a re-seed. */
async function demoRoot(paths: MailStackPaths): Promise<TestCertificate> {
  const caDir = join(demoPkiDir(paths), 'ca');
  if (existsSync(join(caDir, 'root.key'))) return readTestRoot(caDir);
  mkdirSync(caDir, { recursive: true, mode: 0o700 });
  mkdirSync(demoTrustAnchorsDir(paths), { recursive: true });
  return writeTestRoot(demoTrustAnchorsDir(paths), caDir, 'CA Thử nghiệm của bản demo (không dùng thật)');
}

export async function seedSignedDemoMessage(paths: MailStackPaths = mailStackPaths): Promise<void> {
  const root = await demoRoot(paths);
  const signer = await makeLeaf(root, {
    name: 'Văn thư Sở Thông tin và Truyền thông',
    organisation: 'Sở Thông tin và Truyền thông tỉnh Bình Phước',
    emails: [SIGNER],
  });
  // openssl states the signing time as now; the Date header agrees with it.
  const date = new Date(Date.now() - 60_000);
  const raw = signedMail({
    signer,
    from: `Sở Thông tin và Truyền thông <${SIGNER}>`,
    to: READER,
    subject: 'Thư mẫu có chữ ký số: thông báo lịch tập huấn an toàn thông tin',
    date,
    text: [
      'Kính gửi anh/chị,',
      '',
      'Sở Thông tin và Truyền thông thông báo lịch tập huấn an toàn thông tin cho cán bộ, công chức',
      'vào 08 giờ 00 ngày thứ Năm tuần sau, tại Hội trường Sở.',
      '',
      'Thư này được ký số (S/MIME): dòng phía trên nội dung cho biết chữ ký có hợp lệ hay không.',
      '',
      'Trân trọng.',
      '',
    ].join('\n'),
  });
  const reader = readDemoAccounts().find((a) => a.email === READER);
  if (!reader) throw new Error(`${READER} is missing from accounts.json`);
  await withImapSession(reader, async (client) => {
    await client.append(CONG_VAN_DEN, raw, [], date);
  });
}
