import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDocsServer } from '../api-docs/openapi-document';

// Refusals Fastify makes before any route runs still answer in the project's error shape.
describe('a URL refused before routing', () => {
  let server: Awaited<ReturnType<typeof startDocsServer>>;
  beforeAll(async () => {
    server = await startDocsServer();
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  const get = (url: string) => server.app.inject({ method: 'GET', url });

  it.each([
    ['bytes that are not UTF-8 in a folder name', '/api/mailboxes/%FF/messages'],
    ["a lone surrogate's bytes in a folder name", '/api/mailboxes/INBOX%ED%A0%80/messages'],
    ['a truncated UTF-8 sequence in an account', '/api/console/accounts/a%E2%82'],
    ['a folder name over the router limit', `/api/mailboxes/${'x'.repeat(1001)}/messages`],
  ])('%s: 400 validation_failed', async (_name, url) => {
    const answer = await get(url);
    expect(answer.statusCode).toBe(400);
    expect(answer.json()).toMatchObject({
      error: { code: 'validation_failed', message: expect.any(String) },
    });
  });
});
