import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { composeRoutes } from '../../common/routes/compose';
import { mailboxRoutes } from '../../common/routes/mail';
import { apiPattern } from '../test/api-pattern';
import { server } from '../test/setup';
import { ApiClientError, callApi } from './http';

/** What nginx answers when the instance it picked stopped under the request. */
const badGateway = () =>
  new HttpResponse('<html><body>502 Bad Gateway</body></html>', {
    status: 502,
    headers: { 'content-type': 'text/html' },
  });

const outgoing = {
  composeId: '7b0e8a52-4c1e-4d7a-9a51-0e8f2d6c1a10',
  to: ['a@binhphuoc.gov.vn'],
  cc: [],
  bcc: [],
  subject: 's',
  html: '<p>x</p>',
  attachmentIds: [],
};

describe('a request whose instance stopped under it', () => {
  it('reads again once, from the next instance', async () => {
    let calls = 0;
    server.use(
      http.get(apiPattern(mailboxRoutes.list), () => {
        calls += 1;
        return calls === 1 ? badGateway() : HttpResponse.json({ mailboxes: [] });
      }),
    );
    await expect(callApi(mailboxRoutes.list, {})).resolves.toEqual({ mailboxes: [] });
    expect(calls).toBe(2);
  });

  it('sends again once, because the send is keyed; a second gateway error is the user’s to see', async () => {
    let calls = 0;
    server.use(
      http.post(apiPattern(composeRoutes.send), () => {
        calls += 1;
        return badGateway();
      }),
    );
    await expect(callApi(composeRoutes.send, { body: outgoing as never })).rejects.toBeInstanceOf(
      ApiClientError,
    );
    expect(calls).toBe(2);
  });

  it('never repeats a POST that could act twice, nor the proxy’s own refusal', async () => {
    let drafts = 0;
    let sends = 0;
    server.use(
      http.post(apiPattern(composeRoutes.saveDraft), () => {
        drafts += 1;
        return badGateway();
      }),
      http.post(apiPattern(composeRoutes.send), () => {
        sends += 1;
        return HttpResponse.json({ error: { code: 'send_failed', message: 'x' } }, { status: 502 });
      }),
    );
    await expect(callApi(composeRoutes.saveDraft, { body: outgoing as never })).rejects.toBeInstanceOf(
      ApiClientError,
    );
    await expect(callApi(composeRoutes.send, { body: outgoing as never })).rejects.toMatchObject({
      code: 'send_failed',
    });
    expect(drafts).toBe(1);
    expect(sends).toBe(1);
  });
});
