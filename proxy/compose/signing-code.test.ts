// The shared signing code (common/signing) as the browser runs it, on Node's WebCrypto, with
// certificates made by openssl at run time: here, as common/ is compiled without Node's modules.
import { createHash, webcrypto } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateCoversAddress } from '../../common/signing/certificate-info';
import { checkDetachedSignature, signDetached } from '../../common/signing/cms-signature';
import { readPkcs12, usesLegacyEncryption } from '../../common/signing/pkcs12';
import { importSigningIdentity } from '../../common/signing/signing-key';
import type { WebCrypto } from '../../common/signing/web-crypto';
import { makeSmimeIdentity, type SmimeIdentity } from '../test-support/smime-identity';

const crypto = webcrypto as unknown as WebCrypto;
const email = 'thanhtv.sttt@binhphuoc.gov.vn';
const now = () => new Date();
const ids: Record<'rsa' | 'ec-p256' | 'ec-p384', SmimeIdentity> = {} as never;

beforeAll(() => {
  ids.rsa = makeSmimeIdentity(email, { password: 'Mật#khẩu2026' });
  ids['ec-p256'] = makeSmimeIdentity(email, { key: 'ec-p256' });
  ids['ec-p384'] = makeSmimeIdentity(email, { key: 'ec-p384' });
});
afterAll(() => {
  for (const id of Object.values(ids)) id.remove();
});

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? String(e),
  );

describe('readPkcs12', () => {
  it.each([
    ['the right password', () => ids.rsa.p12, () => ids.rsa.password, 'ok'],
    ['a wrong password', () => ids.rsa.p12, () => 'Sai#MatKhau1', 'signing_p12_wrong_password'],
    ['an RC2/3DES file', () => ids.rsa.legacyP12, () => ids.rsa.password, 'signing_p12_legacy'],
    ['a file with no key', () => ids.rsa.certOnlyP12, () => ids.rsa.password, 'signing_p12_no_key'],
    [
      'not a PKCS#12 at all',
      () => Buffer.from('%PDF-1.7 not a certificate'),
      () => 'x',
      'signing_p12_unreadable',
    ],
  ])('with %s', async (_, file, password, expected) => {
    expect(await codeOf(readPkcs12(new Uint8Array(file()), password(), crypto))).toBe(expected);
  });

  it('reads the key and both certificates (a Vietnamese password, UTF-8)', async () => {
    const contents = await readPkcs12(new Uint8Array(ids.rsa.p12), ids.rsa.password, crypto);
    expect(contents.certificates).toHaveLength(2);
    expect(contents.privateKeyPkcs8.length).toBeGreaterThan(1000);
  });
});

describe('usesLegacyEncryption', () => {
  it('tells the old RC2/3DES files from PBES2 ones', () => {
    expect(usesLegacyEncryption(new Uint8Array(ids.rsa.legacyP12))).toBe(true);
    expect(usesLegacyEncryption(new Uint8Array(ids.rsa.p12))).toBe(false);
    expect(usesLegacyEncryption(new Uint8Array([]))).toBe(false);
  });
});

describe('certificateCoversAddress', () => {
  it.each([
    [['thanhtv.sttt@binhphuoc.gov.vn'], 'thanhtv.sttt@binhphuoc.gov.vn', true],
    [['thanhtv.sttt@binhphuoc.gov.vn'], ' ThanhTV.sttt@BinhPhuoc.gov.vn ', true],
    [['thanhtv.sttt@binhphuoc.gov.vn'], 'thanhtv@binhphuoc.gov.vn', false],
    [['other@binhphuoc.gov.vn', 'thanhtv.sttt@binhphuoc.gov.vn'], 'thanhtv.sttt@binhphuoc.gov.vn', true],
    [[], 'thanhtv.sttt@binhphuoc.gov.vn', false],
  ])('%j covers %s: %s', (emails, address, expected) => {
    expect(certificateCoversAddress({ emails }, address)).toBe(expected);
  });
});

describe('importSigningIdentity', () => {
  it.each(['rsa', 'ec-p256', 'ec-p384'] as const)(
    '%s: a key that signs but cannot be exported',
    async (kind) => {
      const id = ids[kind];
      const identity = await importSigningIdentity(
        await readPkcs12(new Uint8Array(id.p12), id.password, crypto),
        crypto,
        { address: email, now: now() },
      );
      expect(identity.key.extractable).toBe(false);
      expect(identity.certificate.emails).toEqual([email]);
      expect(identity.certificate.subject).toBe('CN=Test Signer');
      expect(identity.chain).toHaveLength(2);
      expect(identity.certificate.key.kind).toBe(kind === 'rsa' ? 'RSA' : 'EC');
    },
  );

  it('refuses a certificate for another address, or out of its validity', async () => {
    const open = () => readPkcs12(new Uint8Array(ids.rsa.p12), ids.rsa.password, crypto);
    expect(
      await codeOf(
        importSigningIdentity(await open(), crypto, { address: 'khac.sttt@binhphuoc.gov.vn', now: now() }),
      ),
    ).toBe('signing_cert_email_mismatch');
    const later = new Date(Date.now() + 5 * 86_400_000);
    expect(await codeOf(importSigningIdentity(await open(), crypto, { address: email, now: later }))).toBe(
      'signing_cert_expired',
    );
  });

  it('wipes the PKCS#8 bytes once imported', async () => {
    const contents = await readPkcs12(new Uint8Array(ids.rsa.p12), ids.rsa.password, crypto);
    await importSigningIdentity(contents, crypto, { address: email, now: now() });
    expect(contents.privateKeyPkcs8.every((b) => b === 0)).toBe(true);
  });
});

describe('signDetached and checkDetachedSignature', () => {
  it.each(['rsa', 'ec-p256'] as const)(
    '%s: valid over the content, invalid over anything else',
    async (kind) => {
      const id = ids[kind];
      const identity = await importSigningIdentity(
        await readPkcs12(new Uint8Array(id.p12), id.password, crypto),
        crypto,
        { address: email, now: now() },
      );
      const content = new Uint8Array(Buffer.from('Content-Type: text/plain\r\n\r\nCông văn số 125\r\n'));
      const signature = await signDetached({
        contentDigest: new Uint8Array(createHash('sha256').update(content).digest()),
        key: identity.key,
        chain: identity.chain,
        signingTime: new Date(),
        crypto,
      });
      const good = await checkDetachedSignature(signature, content, crypto);
      expect(good.valid).toBe(true);
      expect(good.signerCertificate).toEqual(identity.chain[0]);
      const tampered = content.slice();
      tampered[tampered.length - 3]! ^= 1;
      expect((await checkDetachedSignature(signature, tampered, crypto)).valid).toBe(false);
      expect((await checkDetachedSignature(new Uint8Array([1, 2, 3]), content, crypto)).valid).toBe(false);
    },
  );
});
