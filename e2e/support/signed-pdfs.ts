import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../../proxy/test-support/free-port';
import { makeSignedPdfSet, signedPdfCases, startOcspResponder } from '../../proxy/test-support/signed-pdfs';

/**
 * Đ14.2h in the browser tests: a CA of the run's own, the proxy's TRUST_ANCHORS_DIR holding only
 * its root, its OCSP responder on loopback, and one PDF per outcome in `pdfDir/<case>.pdf`.
 */
export async function prepareSignedPdfs(root: string) {
  const dir = path.join(root, 'signed-pdfs');
  const port = await freePort();
  const set = await makeSignedPdfSet(dir, `http://127.0.0.1:${port}`);
  const ocsp = await startOcspResponder(set, port);
  const pdfDir = path.join(dir, 'pdf');
  mkdirSync(pdfDir, { recursive: true });
  for (const name of signedPdfCases) writeFileSync(path.join(pdfDir, `${name}.pdf`), set[name]);
  return { anchorsDir: set.anchorsDir, pdfDir, stop: ocsp.stop };
}
