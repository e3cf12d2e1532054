import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestCertificate } from './test-pki';

export interface SignedMailOptions {
  signer: TestCertificate;
  /** Intermediates to carry in the signature (the chain up to, not including, the root). */
  chain?: TestCertificate[];
  from: string;
  to?: string;
  subject: string;
  /** Plain text of the body (UTF-8). */
  text: string;
  /** opaque: application/pkcs7-mime signed-data, the content inside the signature. */
  form?: 'detached' | 'opaque';
  date?: Date;
  messageId?: string;
}

/**
 * A signed message as a mail client sends it, signed by Debian's openssl (`openssl cms -sign`),
 * an implementation apart from the one that verifies. CRLF throughout, as on the wire.
 */
export function signedMail(options: SignedMailOptions): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'bp-smime-'));
  try {
    const content = [
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from(options.text, 'utf8')
        .toString('base64')
        .replace(/.{1,76}/g, '$&\r\n')
        .trimEnd(),
      '',
    ].join('\r\n');
    writeFileSync(path.join(dir, 'content'), content);
    writeFileSync(path.join(dir, 'signer.pem'), options.signer.certPem);
    writeFileSync(path.join(dir, 'signer.key'), options.signer.keyPem);
    const args = [
      'cms',
      '-sign',
      '-binary',
      '-in',
      'content',
      '-signer',
      'signer.pem',
      '-inkey',
      'signer.key',
    ];
    if (options.chain?.length) {
      writeFileSync(path.join(dir, 'chain.pem'), options.chain.map((c) => c.certPem).join(''));
      args.push('-certfile', 'chain.pem');
    }
    if (options.form === 'opaque') args.push('-nodetach');
    args.push('-outform', 'SMIME', '-md', 'sha256');
    const smime = execFileSync('openssl', args, { cwd: dir }).toString('latin1').replace(/\r?\n/g, '\r\n');
    const date = options.date ?? new Date();
    const headers = [
      `From: ${encodedAddress(options.from)}`,
      `To: ${options.to ?? 'nguoinhan@binhphuoc.gov.vn'}`,
      `Subject: =?UTF-8?B?${Buffer.from(options.subject).toString('base64')}?=`,
      `Date: ${date.toUTCString()}`,
      `Message-ID: ${options.messageId ?? `<smime-${Date.now()}-${Math.random().toString(16).slice(2)}@test>`}`,
    ].join('\r\n');
    return Buffer.concat([Buffer.from(`${headers}\r\n`), Buffer.from(smime, 'latin1')]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same message with one word of the signed body changed after signing (detached form only). */
export function tamperedMail(signed: Buffer, options: { text: string; replacement: string }): Buffer {
  const original = Buffer.from(options.text, 'utf8')
    .toString('base64')
    .replace(/.{1,76}/g, '$&\r\n')
    .trimEnd();
  const changed = Buffer.from(options.replacement, 'utf8')
    .toString('base64')
    .replace(/.{1,76}/g, '$&\r\n')
    .trimEnd();
  const source = signed.toString('latin1');
  if (!source.includes(original)) throw new Error('the signed body was not found to tamper with');
  return Buffer.from(source.replace(original, changed), 'latin1');
}

/** "Văn thư <vanthu@…>" with the display name as an RFC 2047 word, as mail clients write it. */
function encodedAddress(address: string): string {
  const match = /^(.*?)\s*<([^>]+)>$/.exec(address);
  if (!match || !/[^\x20-\x7e]/.test(match[1] ?? '')) return address;
  return `=?UTF-8?B?${Buffer.from(match[1] ?? '').toString('base64')}?= <${match[2]}>`;
}
