import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../test-support/free-port';
import {
  makeSignedPdfSet,
  SIGNER_NAME,
  type SignedPdfSet,
  startOcspResponder,
} from '../test-support/signed-pdfs';
import { type VerifierSettings, verifyPdfFile } from './verify-pdf';

/**
 * The verifier against the real pdfsig, certutil and vfychain (Debian's poppler-utils and
 * libnss3-tools): a CA, leaves and PDFs made and signed at run time, an OCSP responder on loopback.
 */
let dir: string;
let set: SignedPdfSet;
let ocsp: { stop: () => void };
let settings: VerifierSettings;
const NOW = new Date('2026-12-07T05:00:00Z');

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'verify-pdf-'));
  const port = await freePort();
  set = await makeSignedPdfSet(path.join(dir, 'fixtures'), `http://127.0.0.1:${port}`);
  ocsp = await startOcspResponder(set, port);
  settings = {
    trustAnchorsDir: set.anchorsDir,
    dataDir: path.join(dir, 'data'),
    ocsp: true,
    limits: {
      timeoutMs: 20_000,
      maxOutputBytes: 256 * 1024,
      maxMemoryBytes: 1024 ** 3,
      maxFileBytes: 64 * 1024 ** 2,
    },
  };
}, 60_000);

afterAll(() => {
  ocsp?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function verify(pdf: Buffer, over: Partial<VerifierSettings> = {}) {
  const work = mkdtempSync(path.join(dir, 'work-'));
  const file = path.join(work, 'attachment.pdf');
  writeFileSync(file, pdf);
  try {
    return await verifyPdfFile(file, work, { ...settings, ...over }, NOW);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

describe('verifyPdfFile', { timeout: 30_000 }, () => {
  it('finds a valid signature, with the signer, the issuer, the time, and OCSP asked', async () => {
    const report = await verify(set.valid);
    expect(report).toMatchObject({
      status: 'signed',
      outcome: 'valid',
      checkedAt: NOW.toISOString(),
      signatures: [
        {
          outcome: 'valid',
          signerName: SIGNER_NAME,
          issuer: 'C=VN, O=Ban Co yeu Thu nghiem, CN=Ban Co yeu Thu nghiem Root CA',
          wholeDocumentSigned: true,
          revocationChecked: true,
        },
      ],
    });
    const signed = Date.parse(report.signatures[0]!.signingTime!);
    expect(Math.abs(signed - Date.now())).toBeLessThan(10 * 60_000);
  });

  it.each([
    ['altered', 'content_altered'],
    ['appended', 'changed_after_signing'],
    ['untrusted', 'untrusted_issuer'],
    ['expired', 'expired'],
    ['revoked', 'revoked'],
  ] as const)('%s → %s', async (name, outcome) => {
    const report = await verify(set[name]);
    expect(report.status).toBe('signed');
    expect(report.outcome).toBe(outcome);
    expect(report.signatures[0]!.outcome).toBe(outcome);
  });

  it('says nothing of a PDF without signatures, and knows a file pdfsig cannot read', async () => {
    expect(await verify(set.unsigned)).toMatchObject({ status: 'not_signed', outcome: null, signatures: [] });
    expect(await verify(Buffer.from('%PDF-1.7\nnot really a pdf\n'))).toMatchObject({ status: 'unreadable' });
  });

  it('never calls it valid when revocation could not be asked (OCSP off)', async () => {
    const report = await verify(set.valid, { ocsp: false });
    expect(report.outcome).toBe('revocation_not_checked');
    expect(report.signatures[0]).toMatchObject({ revocationChecked: false, signerName: SIGNER_NAME });
  });

  it('trusts nothing that is not configured', async () => {
    const none = await verify(set.valid, { trustAnchorsDir: undefined });
    expect(none.outcome).toBe('untrusted_issuer');
    const empty = mkdtempSync(path.join(dir, 'empty-anchors-'));
    expect((await verify(set.valid, { trustAnchorsDir: empty })).outcome).toBe('untrusted_issuer');
  });

  // Last: it stops the shared responder.
  it('says "revocation not checked" when the responder cannot be reached', async () => {
    ocsp.stop();
    await new Promise((r) => setTimeout(r, 200));
    const report = await verify(set.valid);
    expect(report.outcome).toBe('revocation_not_checked');
    expect(report.signatures[0]!.revocationChecked).toBe(false);
  });
});
