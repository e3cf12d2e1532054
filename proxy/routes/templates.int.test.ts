import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageTemplate, TemplateList } from '../../common/contract/templates';
import { TEMPLATE_LIMITS } from '../../common/contract/templates';
import { freshMailbox } from '../test-support/fresh-mailbox';
import { logIn, type ProxyHarness, startProxy } from '../test-support/proxy-harness';

type Client = Awaited<ReturnType<typeof logIn>>;

describe('message templates over HTTP (Mẫu thư)', { timeout: 60_000 }, () => {
  let proxy: ProxyHarness;
  const clerk = freshMailbox('vanthumau');
  const other = freshMailbox('khacmau');
  let user: Client;
  let someoneElse: Client;

  const patch = (client: Client, id: string, payload: unknown) =>
    proxy.app.inject({
      method: 'PATCH',
      url: `/api/templates/${id}`,
      headers: {
        host: '127.0.0.1:8080',
        cookie: client.cookie,
        'x-csrf-token': client.csrfToken,
        'accept-language': 'vi',
      },
      payload: payload as object,
    });

  beforeAll(async () => {
    proxy = await startProxy();
    user = await logIn(proxy, clerk.email, clerk.password);
    someoneElse = await logIn(proxy, other.email, other.password);
  });
  afterAll(async () => {
    await proxy?.close();
    clerk.remove();
    other.remove();
  });

  it('saves a sanitised template, lists it for its owner only, renames and deletes it', async () => {
    const created = await user.post('/api/templates', {
      name: 'Xác nhận đã nhận văn bản',
      subject: 'V/v xác nhận',
      html: '<p>Đã nhận.</p><script>alert(1)</script><a href="javascript:x()">bấm</a>',
      to: [{ name: 'Văn phòng', address: 'VanPhong.VPUBND@binhphuoc.gov.vn' }],
    });
    expect(created.statusCode).toBe(201);
    const saved = created.json() as MessageTemplate;
    expect(saved).toMatchObject({
      name: 'Xác nhận đã nhận văn bản',
      to: [{ name: 'Văn phòng', address: 'vanphong.vpubnd@binhphuoc.gov.vn' }],
      cc: [],
    });
    expect(saved.html).toContain('<p>Đã nhận.</p>');
    expect(saved.html).not.toMatch(/script|javascript:/);

    expect(((await user.get('/api/templates')).json() as TemplateList).templates).toEqual([saved]);
    expect(((await someoneElse.get('/api/templates')).json() as TemplateList).templates).toEqual([]);

    const again = await user.post('/api/templates', { name: 'Xác nhận đã nhận văn bản' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('template_name_taken');

    expect((await patch(someoneElse, saved.id, { name: 'Của tôi' })).statusCode).toBe(404);
    const renamed = await patch(user, saved.id, { name: 'Xác nhận' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ id: saved.id, name: 'Xác nhận' });

    expect((await someoneElse.delete(`/api/templates/${saved.id}`)).statusCode).toBe(404);
    expect((await user.delete(`/api/templates/${saved.id}`)).statusCode).toBe(204);
    expect(((await user.get('/api/templates')).json() as TemplateList).templates).toEqual([]);
  });

  it('answers the limits with their codes, and refuses a request without a session', async () => {
    const big = await user.post('/api/templates', {
      name: 'Quá dài',
      html: `<p>${'a'.repeat(TEMPLATE_LIMITS.htmlBytes + 1)}</p>`,
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('template_too_large');
    const unnamed = await user.post('/api/templates', { name: '   ' });
    expect(unnamed.statusCode).toBe(400);
    const anonymous = await proxy.app.inject({ method: 'GET', url: '/api/templates' });
    expect(anonymous.statusCode).toBe(401);
  });
});
