import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { writeTestRoot } from '../../proxy/test-support/test-pki';
import { mailStackProxyEnv } from '../../scripts/mailstack/proxy-env';
import { prepareSignedPdfs } from './signed-pdfs';

/**
 * Starts the real proxy, serving the built app, against the mail stack that `npm test` started.
 * Tests read its address from the provided context.
 */
let proxy: ChildProcess | undefined;
let dataDir: string | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Waits until the proxy answers. It starts through tsx, so on a busy 2-core machine it can take
 * tens of seconds; a proxy that exits first (a bad setting, a port taken) fails at once with its
 * exit code instead of after the whole wait.
 */
async function waitForProxy(child: ChildProcess, url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the proxy exited (${child.exitCode ?? child.signalCode}) before answering at ${url}`);
    }
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`proxy did not answer at ${url} within ${timeoutMs / 1000} s`);
}

export default async function setup(project: TestProject) {
  const port = await freePort();
  dataDir = mkdtempSync(path.join(tmpdir(), 'bp-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  // Đ14.2h: the proxy trusts one root made for this run; the S/MIME test issues signers under it.
  const trustAnchorsDir = path.join(dataDir, 'trust-anchors');
  const smimeCaDir = path.join(dataDir, 'smime-ca');
  mkdirSync(trustAnchorsDir);
  mkdirSync(smimeCaDir);
  await writeTestRoot(trustAnchorsDir, smimeCaDir, 'Root CA E2E');
  // The signed-PDF cases have their own root (and OCSP responder); one folder trusts both roots.
  const signedPdfs = await prepareSignedPdfs(dataDir);
  for (const file of readdirSync(signedPdfs.anchorsDir))
    copyFileSync(path.join(signedPdfs.anchorsDir, file), path.join(trustAnchorsDir, `pdf-${file}`));
  proxy = spawn(process.execPath, ['--import', 'tsx', 'proxy/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      DATA_DIR: dataDir,
      STATIC_DIR: 'dist/client',
      ...mailStackProxyEnv(),
      TRUST_ANCHORS_DIR: trustAnchorsDir,
      REVOCATION_TIMEOUT_MS: '2000',
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const stop = () => {
    signedPdfs.stop();
    proxy?.kill('SIGTERM');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForProxy(proxy, `${baseUrl}/api/config`, 120_000);
  } catch (error) {
    // Nothing started here may outlive a failed setup: the OCSP responder and the proxy would
    // keep vitest from exiting.
    stop();
    throw error;
  }
  project.provide('baseUrl', baseUrl);
  project.provide('dataDir', dataDir);
  project.provide('smimeCaDir', smimeCaDir);
  project.provide('signedPdfDir', signedPdfs.pdfDir);
  return async () => stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The proxy's DATA_DIR: admin commands in tests use the same policy store. */
    dataDir: string;
    /** The root CA the proxy trusts (TRUST_ANCHORS_DIR), certificate and key, for readTestRoot. */
    smimeCaDir: string;
    /** One signed PDF per outcome (support/signed-pdfs.ts), trusted through TRUST_ANCHORS_DIR. */
    signedPdfDir: string;
  }
}
