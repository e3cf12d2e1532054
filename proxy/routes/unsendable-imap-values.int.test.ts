import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FreshMailbox, freshMailbox } from '../test-support/fresh-mailbox';
import { logIn, type ProxyHarness, startProxy } from '../test-support/proxy-harness';

/**
 * IMAP cannot carry CR, LF or NUL in a folder name (imapflow rightly refuses to send them): a
 * request with one is a bad request (400 validation_failed), wherever the name travels.
 */
describe('folder names IMAP cannot carry', () => {
  let proxy: ProxyHarness;
  let owner: FreshMailbox;
  let user: Awaited<ReturnType<typeof logIn>>;

  beforeAll(async () => {
    proxy = await startProxy();
    owner = freshMailbox('unsendable');
    user = await logIn(proxy, owner.email, owner.password);
  });
  afterAll(async () => {
    await proxy?.close();
    owner?.remove();
  });

  it.each([
    ['a folder listed with CR/LF in its name', '/api/mailboxes/INBOX%0d%0aA1%20LOGOUT/messages'],
    ['a folder listed with NUL in its name', '/api/mailboxes/INBOX%00/messages'],
    ['a search in a folder with CR/LF in its name', '/api/search?q=a&mailbox=INBOX%0D%0Ax'],
    ['a search in a folder with NUL in its name', '/api/search?q=a&mailbox=INBOX%00'],
  ])('%s: 400 validation_failed', async (_name, url) => {
    const answer = await user.get(url);
    expect(answer.statusCode, answer.body).toBe(400);
    expect(answer.json().error.code).toBe('validation_failed');
  });
});
