import { createHash, webcrypto } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDetached } from '../../common/signing/cms-signature';
import { readPkcs12 } from '../../common/signing/pkcs12';
import { importSigningIdentity, type SigningIdentity } from '../../common/signing/signing-key';
import type { WebCrypto } from '../../common/signing/web-crypto';
import { makeSmimeIdentity, opensslVerify, type SmimeIdentity } from '../test-support/smime-identity';
import { buildMessage } from './build-message';
import { splitForSigning, wrapSigned } from './signed-mime';
import type { UploadStore } from './upload-store';

const crypto = webcrypto as unknown as WebCrypto;
const email = 'thanhtv.sttt@binhphuoc.gov.vn';
let id: SmimeIdentity;
let identity: SigningIdentity;

beforeAll(async () => {
  id = makeSmimeIdentity(email);
  identity = await importSigningIdentity(
    await readPkcs12(new Uint8Array(id.p12), id.password, crypto),
    crypto,
    {
      address: email,
      now: new Date(),
    },
  );
});
afterAll(() => id.remove());

const attachment = Buffer.from('%PDF-1.7\n… công văn …\n');
const uploads = {
  get: async () => ({
    meta: { id: 'u1', filename: 'Công văn 125.pdf', contentType: 'application/pdf', size: attachment.length },
    bytes: attachment,
  }),
} as unknown as UploadStore;

async function built(html: string | null) {
  return buildMessage(
    {
      composeId: '0f8e6a52-3b8e-4e0b-9c57-2f0d1c9a7b11',
      to: [{ name: 'Nguyễn Thị Lành', address: 'lanhnt.sgddt@binhphuoc.gov.vn' }],
      cc: [],
      bcc: [{ address: 'an.sttt@binhphuoc.gov.vn' }],
      subject: 'Công văn ký số',
      html,
      text: 'Kính gửi chị Lành,\nĐề nghị xem công văn đính kèm.',
      attachments: ['u1'],
    },
    { address: email, name: 'Trần Văn Thanh' },
    { uploads, attachmentMaxBytes: 20 * 1024 * 1024, mailDomain: 'binhphuoc.gov.vn', forDraft: false },
  );
}

async function signed(raw: Buffer) {
  const parts = splitForSigning(raw);
  const signature = await signDetached({
    contentDigest: new Uint8Array(createHash('sha256').update(parts.entity).digest()),
    key: identity.key,
    chain: identity.chain,
    signingTime: new Date(),
    crypto,
  });
  return { parts, message: wrapSigned(parts, signature) };
}

describe('splitForSigning', () => {
  it('keeps the addressing outside and the content headers and body inside', async () => {
    const { header, entity } = splitForSigning((await built(null)).raw);
    const outer = header.toString('latin1');
    expect(outer).toMatch(/^From: /m);
    expect(outer).toMatch(/^Subject: /m);
    expect(outer).toMatch(/^Message-ID: /im);
    expect(outer).not.toMatch(/^Content-Type|^MIME-Version|^Bcc/im);
    expect(entity.toString('latin1')).toMatch(/^Content-Type: multipart\/mixed;/);
    expect(entity.toString('latin1')).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
  });

  it('refuses an 8-bit body (its line ends would not survive transport)', () => {
    expect(() => splitForSigning(Buffer.from('Subject: x\r\n\r\nCông văn\r\n'))).toThrow(/7-bit/);
  });
});

describe('wrapSigned', () => {
  it.each([
    ['plain text', null],
    ['HTML with a text alternative', '<p>Kính gửi chị <b>Lành</b></p>'],
  ])(
    '%s with an attachment: openssl verifies it and prints the entity; one changed byte fails',
    async (_, html) => {
      const { parts, message } = await signed((await built(html)).raw);
      expect(message.toString('latin1')).toMatch(
        /^Content-Type: multipart\/signed; protocol="application\/pkcs7-signature"; micalg=sha-256;/m,
      );
      const verified = opensslVerify(message, id.caFile);
      expect(verified).toEqual({ ok: true, content: parts.entity.toString('latin1') });
      const tampered = Buffer.from(
        message
          .toString('latin1')
          .replace('Content-Disposition: attachment', 'Content-Disposition: attachmenT'),
        'latin1',
      );
      expect(opensslVerify(tampered, id.caFile).ok).toBe(false);
    },
  );
});
