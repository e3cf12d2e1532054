import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleUser } from '../test-support/console-admin';
import { type FreshMailbox, freshMailbox } from '../test-support/fresh-mailbox';
import { logIn, type ProxyHarness, startProxy } from '../test-support/proxy-harness';

type Session = Awaited<ReturnType<typeof logIn>>;

const HOST = '127.0.0.1:8080';

/** A multipart body the parser cannot read is the client's mistake: 400, never a 500. */
describe('uploads whose multipart body is malformed', () => {
  let proxy: ProxyHarness;
  let owner: FreshMailbox;
  let user: Session;
  let admin: Awaited<ReturnType<typeof consoleUser>>;

  beforeAll(async () => {
    proxy = await startProxy({ MALWARE_SCAN: 'off' });
    owner = freshMailbox('multipart');
    user = await logIn(proxy, owner.email, owner.password);
    admin = await consoleUser(proxy, { prefix: 'multipart-admin' });
  });
  afterAll(async () => {
    await proxy?.close();
    owner?.remove();
    admin?.remove();
  });

  const post = (session: Session, url: string, contentType: string, payload: string) =>
    proxy.app.inject({
      method: 'POST',
      url,
      headers: {
        host: HOST,
        origin: `http://${HOST}`,
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
        'content-type': contentType,
      },
      payload,
    });

  const cases = [
    ['no boundary in the content type', 'multipart/form-data', '--x\r\n'],
    [
      'a file part cut short (no closing boundary)',
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="file"; filename="../../a.csv"\r\n\r\nabc',
    ],
    ['a part header cut short', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-da'],
  ] as const;

  it.each(cases)('a staff list with %s: 400 validation_failed', async (_name, type, payload) => {
    const answer = await post(admin.client, '/api/console/import/preview', type, payload);
    expect(answer.statusCode, answer.body).toBe(400);
    expect(answer.json().error.code).toBe('validation_failed');
  });

  it.each(cases)(
    'an attachment with %s: 400 validation_failed, nothing kept',
    async (_name, type, payload) => {
      const composeId = randomUUID();
      const answer = await post(user, `/api/uploads?composeId=${composeId}`, type, payload);
      expect(answer.statusCode, answer.body).toBe(400);
      expect(answer.json().error.code).toBe('validation_failed');
      expect(await proxy.ctx.uploads.list(owner.email, composeId)).toEqual([]);
    },
  );
});
