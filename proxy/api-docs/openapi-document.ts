import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config';
import { buildServer } from '../server';

/**
 * The OpenAPI document as the proxy serves it with the default settings, built without any
 * server (no mail stack, no jobs; an empty store in a temporary folder). docs/openapi.json is
 * this, written by `npm run openapi`; a unit test holds the two equal.
 */
export async function generateOpenapiDocument(): Promise<unknown> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bp-openapi-'));
  try {
    const config = loadConfig({
      DATA_DIR: dataDir,
      PUBLIC_URL: 'https://mail.binhphuoc.gov.vn',
      LOG_LEVEL: 'silent',
      MALWARE_SCAN: 'off',
    });
    const { app } = await buildServer(config, { backgroundJobs: false });
    try {
      await app.ready();
      return app.swagger();
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The committed form: two-space JSON and a final newline, so diffs stay readable. */
export function formatOpenapiDocument(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
