import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatOpenapiDocument, startDocsServer } from './openapi-document';

const committedFile = path.resolve(__dirname, '../../docs/openapi.json');

// One server for both parts: building it is the slow step.
let server: Awaited<ReturnType<typeof startDocsServer>>;
beforeAll(async () => {
  server = await startDocsServer();
}, 60_000);
afterAll(async () => {
  await server?.close();
});

describe('the API document', () => {
  let generated: unknown;
  beforeAll(() => {
    generated = server.app.swagger();
  });

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
  const app = () => server.app;

  it('serves /api/openapi.json', async () => {
    const answer = await app().inject({ method: 'GET', url: '/api/openapi.json' });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toMatchObject({ openapi: '3.1.0' });
  });

  it('serves a readable reference at /api/docs from its own files, no CDN, not frameable', async () => {
    const page = await app().inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const sources = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(source).not.toMatch(/^(https?:)?\/\//);
    const bundle = await app().inject({ method: 'GET', url: '/api/docs/static/swagger-ui-bundle.js' });
    expect(bundle.statusCode).toBe(200);
    expect(String(bundle.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });
});
