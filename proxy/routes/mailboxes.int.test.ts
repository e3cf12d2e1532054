import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailboxList, MessagePage, UserSettings } from '../../common/contract';
import { maildirOf } from '../../scripts/mailstack/paths';
import { appendMessages, type FreshMailbox, freshMailbox } from '../test-support/fresh-mailbox';
import { logIn, mbox, type ProxyHarness, startProxy } from '../test-support/proxy-harness';

/** Folders with Vietnamese names (modified UTF-7 on the wire) and the per-user settings. */
describe('folders and settings', () => {
  let proxy: ProxyHarness;
  let owner: FreshMailbox;
  let client: Awaited<ReturnType<typeof logIn>>;

  const folders = async () => {
    const res = await client.get('/api/mailboxes');
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as MailboxList).mailboxes;
  };
  const paths = async () => (await folders()).map((b) => b.path);

  beforeAll(async () => {
    owner = freshMailbox('ds-folders');
    proxy = await startProxy();
    client = await logIn(proxy, owner.email, owner.password);
  });
  afterAll(async () => {
    await proxy?.close();
    owner?.remove();
  });

  it('creates folders with Vietnamese names, nested ones too, stored as modified UTF-7', async () => {
    const res = await client.post('/api/mailboxes', { path: 'Công văn đến 2026' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ path: 'Công văn đến 2026' });
    // Decomposed input (as some keyboards send it) is stored composed.
    expect((await client.post('/api/mailboxes', { path: 'Hồ sơ/Dự án'.normalize('NFD') })).statusCode).toBe(
      201,
    );
    const list = await folders();
    expect(list.find((b) => b.path === 'Hồ sơ/Dự án')).toMatchObject({
      displayName: 'Dự án',
      parent: 'Hồ sơ',
    });
    expect(list.map((b) => b.path)).toContain('Công văn đến 2026');
    // On disk (Maildir++) the name is modified UTF-7, as IMAP carries it.
    expect(readdirSync(maildirOf(owner.email))).toContain('.C&APQ-ng v&AQM-n &AREevw-n 2026');
  });

  it('refuses a name taken (in any case), blank, with wildcards, or INBOX', async () => {
    const taken = await client.post('/api/mailboxes', { path: 'công văn đến 2026' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('folder_exists');
    for (const path of ['  ', 'Báo cáo/ ', 'Lịch*', '50%', '.ẩn', 'inbox', 'Lưu trữ.2023']) {
      const res = await client.post('/api/mailboxes', { path });
      expect(res.json().error?.code, path).toBe('folder_name_invalid');
    }
  });

  it('renames a folder with its subfolders, and keeps system folders as they are', async () => {
    const res = await client.post(`/api/mailboxes/${mbox('Hồ sơ')}/rename`, { newPath: 'Hồ sơ lưu 2026' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ path: 'Hồ sơ lưu 2026' });
    const after = await paths();
    expect(after).toContain('Hồ sơ lưu 2026/Dự án');
    expect(after).not.toContain('Hồ sơ/Dự án');
    for (const system of ['INBOX', 'Trash', 'Sent']) {
      const refused = await client.post(`/api/mailboxes/${mbox(system)}/rename`, { newPath: 'Khác' });
      expect(refused.json().error.code, system).toBe('folder_protected');
    }
    const missing = await client.post(`/api/mailboxes/${mbox('Không có')}/rename`, { newPath: 'Khác' });
    expect(missing.json().error.code).toBe('mailbox_not_found');
  });

  it('deletes a folder after moving its mail to Trash; refuses one with subfolders or a system one', async () => {
    await owner.imap((imap) =>
      appendMessages(imap, 'Công văn đến 2026', [
        { subject: 'Công văn 12/UBND' },
        { subject: 'Công văn 13/UBND' },
      ]),
    );
    const withChildren = await client.delete(`/api/mailboxes/${mbox('Hồ sơ lưu 2026')}`);
    expect(withChildren.json().error.code).toBe('folder_has_children');
    expect((await client.delete('/api/mailboxes/Trash')).json().error.code).toBe('folder_protected');

    const res = await client.delete(`/api/mailboxes/${mbox('Công văn đến 2026')}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(await paths()).not.toContain('Công văn đến 2026');
    const trash = (await client.get('/api/mailboxes/Trash/messages')).json() as MessagePage;
    expect(trash.messages.map((m) => m.subject).sort()).toEqual(['Công văn 12/UBND', 'Công văn 13/UBND']);
    expect((await client.delete(`/api/mailboxes/${mbox('Hồ sơ lưu 2026/Dự án')}`)).statusCode).toBe(200);
  });

  it('keeps the conversation-view setting per user, and changes only the fields sent', async () => {
    expect((await client.get('/api/settings')).json()).toEqual({});
    const put = (body: unknown) =>
      proxy.app.inject({
        method: 'PUT',
        url: '/api/settings',
        headers: { host: '127.0.0.1:8080', cookie: client.cookie, 'x-csrf-token': client.csrfToken },
        payload: body as object,
      });
    const saved = await put({ conversationView: true });
    expect(saved.statusCode).toBe(200);
    expect(saved.json() as UserSettings).toEqual({ conversationView: true });
    expect((await put({})).json()).toEqual({ conversationView: true });
    expect((await put({ conversationView: 'yes' })).statusCode).toBe(400);
    expect((await client.get('/api/settings')).json()).toEqual({ conversationView: true });
    // Another user starts from the defaults.
    expect(await proxy.ctx.settings.get('someone.else@binhphuoc.gov.vn', 'conversationView')).toBeUndefined();
  });
});
