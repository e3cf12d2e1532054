import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { buildServer } from '../server';
import { formatOpenapiDocument, generateOpenapiDocument } from './openapi-document';

const committedFile = path.resolve(__dirname, '../../docs/openapi.json');

describe('the API document', () => {
  let generated: unknown;
  beforeAll(async () => {
    generated = await generateOpenapiDocument();
  }, 60_000);

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(generated as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('is the committed docs/openapi.json (after a route or contract change: npm run openapi)', () => {
    expect(formatOpenapiDocument(generated)).toBe(readFileSync(committedFile, 'utf8'));
  });

  it('describes every operation with at least one answer, and a file download as not JSON', () => {
    const doc = generated as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const operations = Object.values(doc.paths).flatMap((p) => Object.values(p));
    expect(operations.length).toBeGreaterThan(50);
    for (const operation of operations) expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
    const raw = doc.paths['/api/mailboxes/{mailbox}/messages/{uid}/raw']?.get;
    expect(raw?.responses['200']).toMatchObject({ content: { '*/*': expect.any(Object) } });
  });
});

describe('the API reference pages', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bp-api-docs-'));
  let app: Awaited<ReturnType<typeof buildServer>>['app'];
  beforeAll(async () => {
    const config = loadConfig({
      DATA_DIR: dataDir,
      PUBLIC_URL: 'https://mail.binhphuoc.gov.vn',
      LOG_LEVEL: 'silent',
      MALWARE_SCAN: 'off',
    });
    ({ app } = await buildServer(config, { backgroundJobs: false }));
    await app.ready();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves /api/openapi.json', async () => {
    const answer = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toMatchObject({ openapi: '3.1.0' });
  });

  it('serves a readable reference at /api/docs from its own files, no CDN, not frameable', async () => {
    const page = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const sources = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(source).not.toMatch(/^(https?:)?\/\//);
    const bundle = await app.inject({ method: 'GET', url: '/api/docs/static/swagger-ui-bundle.js' });
    expect(bundle.statusCode).toBe(200);
    expect(String(bundle.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });
});
