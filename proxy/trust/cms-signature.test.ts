import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCa, makeLeaf, type TestCertificate } from '../test-support/test-pki';
import { type CmsSignatureInput, type TrustContext, verifyCmsSignature } from './cms-signature';
import { createRevocationChecker } from './revocation';
import { emptyTrustStore } from './trust-anchors';

/**
 * The verifier on its own, without IMAP: CMS made by openssl over a small MIME entity, checked
 * with the revocation checker turned off (so no network is involved).
 */
const FROM = 'vanthu@binhphuoc.gov.vn';
const CONTENT = Buffer.from('Content-Type: text/plain; charset=utf-8\r\n\r\nNội dung đã ký.\r\n');
const ARRIVAL = new Date('2026-12-01T02:00:00Z');

let root: TestCertificate;
let signer: TestCertificate;
let dir: string;
let ctx: TrustContext;

function sign(extra: string[] = []): Uint8Array<ArrayBuffer> {
  writeFileSync(path.join(dir, 'content'), CONTENT);
  const der = execFileSync(
    'openssl',
    [
      'cms',
      '-sign',
      '-binary',
      '-in',
      'content',
      '-signer',
      'signer.pem',
      '-inkey',
      'signer.key',
      '-outform',
      'DER',
      ...extra,
    ],
    { cwd: dir },
  );
  return new Uint8Array(der);
}

const input = (
  cms: Uint8Array<ArrayBuffer>,
  detached: Uint8Array | null = new Uint8Array(CONTENT),
): CmsSignatureInput => ({
  cms,
  detachedContent: detached,
  from: FROM,
  arrivalTime: ARRIVAL,
  now: new Date(),
});

beforeAll(async () => {
  root = await makeCa();
  signer = await makeLeaf(root, { emails: [FROM], name: 'Lê Thị Ký' });
  dir = mkdtempSync(path.join(tmpdir(), 'bp-cms-'));
  writeFileSync(path.join(dir, 'signer.pem'), signer.certPem);
  writeFileSync(path.join(dir, 'signer.key'), signer.keyPem);
  ctx = {
    trust: { ...emptyTrustStore(), anchors: [root.cert] },
    revocation: createRevocationChecker({ mode: 'off', timeoutMs: 100, maxBytes: 1000 }),
  };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('verifyCmsSignature', () => {
  it('accepts a detached signature; with checking off, revocation is "disabled" and so not checked', async () => {
    const { signature, content } = await verifyCmsSignature(input(sign()), ctx);
    expect(signature).toMatchObject({
      outcome: 'revocation_not_checked',
      form: 'detached',
      signerName: 'Lê Thị Ký',
      contentIntact: true,
      chainTrusted: true,
      revocation: 'disabled',
      signingTimeSource: 'signed_attribute',
    });
    expect(content).toBeNull();
  });

  it('takes the arrival time, and says so, when the signature states no signing time', async () => {
    const { signature } = await verifyCmsSignature(input(sign(['-noattr'])), ctx);
    expect(signature).toMatchObject({
      contentIntact: true,
      signingTimeSource: 'arrival',
      signingTime: ARRIVAL.toISOString(),
    });
  });

  it('returns the content of an opaque signature', async () => {
    const { signature, content } = await verifyCmsSignature(input(sign(['-nodetach']), null), ctx);
    expect(signature).toMatchObject({ form: 'opaque', contentIntact: true });
    expect(Buffer.from(content!).equals(CONTENT)).toBe(true);
  });

  it('says altered when one byte of the content differs, with or without signed attributes', async () => {
    const changed = new Uint8Array(CONTENT);
    changed[changed.length - 4] = (changed[changed.length - 4] ?? 0) ^ 1;
    for (const cms of [sign(), sign(['-noattr'])]) {
      const { signature } = await verifyCmsSignature(input(cms, changed), ctx);
      expect(signature).toMatchObject({ outcome: 'content_altered', contentIntact: false });
    }
  });

  it('says malformed for bytes that are not CMS, or a detached signature without its content', async () => {
    const garbage = new Uint8Array(Buffer.from('not a signature at all'));
    expect((await verifyCmsSignature(input(garbage), ctx)).signature.outcome).toBe('malformed');
    const detachedWithoutContent = await verifyCmsSignature(input(sign(), new Uint8Array()), ctx);
    expect(detachedWithoutContent.signature.outcome).toBe('malformed');
  });

  it('trusts nothing when no anchor is configured', async () => {
    const none: TrustContext = { ...ctx, trust: emptyTrustStore() };
    expect((await verifyCmsSignature(input(sign()), none)).signature).toMatchObject({
      outcome: 'untrusted_issuer',
      chainTrusted: false,
      revocation: 'not_checked',
    });
  });
});
