import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config';
import { buildServer } from '../server';

type App = Awaited<ReturnType<typeof buildServer>>['app'];

/**
 * The proxy with the default settings, built without any server behind it (no mail stack, no
 * jobs; an empty store in a temporary folder), ready for `app.swagger()` or `app.inject()`.
 * close() ends it and removes the folder.
 */
export async function startDocsServer(): Promise<{ app: App; close: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bp-openapi-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  try {
    const config = loadConfig({
      DATA_DIR: dataDir,
      PUBLIC_URL: 'https://mail.binhphuoc.gov.vn',
      LOG_LEVEL: 'silent',
      MALWARE_SCAN: 'off',
    });
    const { app } = await buildServer(config, { backgroundJobs: false });
    await app.ready();
    return {
      app,
      close: async () => {
        await app.close();
        removeDir();
      },
    };
  } catch (error) {
    removeDir();
    throw error;
  }
}

/**
 * The OpenAPI document as the proxy serves it with the default settings. docs/openapi.json is
 * this, written by `npm run openapi`; a unit test holds the two equal.
 */
export async function generateOpenapiDocument(): Promise<unknown> {
  const server = await startDocsServer();
  try {
    return server.app.swagger();
  } finally {
    await server.close();
  }
}

/** The committed form: two-space JSON and a final newline, so diffs stay readable. */
export function formatOpenapiDocument(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
