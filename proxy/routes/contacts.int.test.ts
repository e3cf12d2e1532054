import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressBook, AddressBookContact, ContactGroup, ContactList } from '../../common/contract';
import { setAccountState } from '../accounts/admin-actions';
import { demoAccount, logIn, type ProxyHarness, startProxy, thanh } from '../test-support/proxy-harness';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const VCF = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Phạm Quốc Dũng',
  'EMAIL;TYPE=INTERNET:dungpq.vpubnd@binhphuoc.gov.vn',
  'ORG:Văn phòng UBND tỉnh',
  'CATEGORIES:Lãnh đạo Sở',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Không có thư',
  'TEL:0913 000 000',
  'END:VCARD',
  '',
].join('\r\n');

describe('/api/address-book: the personal address book, on a real session', () => {
  let proxy: ProxyHarness;
  beforeAll(async () => {
    proxy = await startProxy();
  });
  afterAll(async () => {
    await proxy.close();
  });

  it('adds, edits, groups, completes, imports, exports and deletes, each user seeing only their own', async () => {
    const client = await logIn(proxy, thanh().email, thanh().password);
    const put = (url: string, payload: unknown) =>
      proxy.app.inject({
        method: 'PUT',
        url,
        headers: { host: '127.0.0.1:8080', cookie: client.cookie, 'x-csrf-token': client.csrfToken },
        payload: payload as object,
      });

    const created = await client.post('/api/address-book/contacts', {
      name: 'Nguyễn Thị Mỹ Hạnh',
      emails: ['HanhNTM.sttt@binhphuoc.gov.vn'],
      title: 'Trưởng phòng',
    });
    expect(created.statusCode).toBe(200);
    const hanh = created.json() as AddressBookContact;
    expect(hanh).toMatchObject({ emails: ['hanhntm.sttt@binhphuoc.gov.vn'], phone: '', groupIds: [] });
    const bad = await client.post('/api/address-book/contacts', { name: 'X', emails: ['khong phai thu'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');

    const edited = await put(`/api/address-book/contacts/${hanh.id}`, {
      name: 'Nguyễn Thị Mỹ Hạnh',
      emails: ['hanhntm.sttt@binhphuoc.gov.vn'],
      phone: '0271 3879 000',
    });
    expect(edited.json()).toMatchObject({ phone: '0271 3879 000', title: '' });

    const group = await client.post('/api/address-book/groups', {
      name: 'Lãnh đạo Sở',
      memberIds: [hanh.id],
    });
    expect(group.statusCode).toBe(200);
    const again = await client.post('/api/address-book/groups', { name: 'lanh dao so', memberIds: [] });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('contact_group_exists');

    // Completion: the group (with its members) and the contact come before the directory.
    const completion = (
      await client.get(`/api/contacts?q=${encodeURIComponent('lanh dao')}`)
    ).json() as ContactList;
    expect(completion.contacts[0]).toMatchObject({
      name: 'Lãnh đạo Sở',
      source: 'group',
      members: [{ name: 'Nguyễn Thị Mỹ Hạnh', address: 'hanhntm.sttt@binhphuoc.gov.vn' }],
    });
    const byName = (await client.get('/api/contacts?q=hanh')).json() as ContactList;
    expect(byName.contacts[0]).toMatchObject({ address: 'hanhntm.sttt@binhphuoc.gov.vn', source: 'contact' });
    expect(byName.contacts.filter((c) => c.address === 'hanhntm.sttt@binhphuoc.gov.vn')).toHaveLength(1);

    // Import: the preview changes nothing; the import adds, and joins the group the file names.
    const file = { fileName: 'danh-ba.vcf', content: base64(VCF) };
    const preview = await client.post('/api/address-book/import/preview', file);
    expect(preview.json()).toMatchObject({
      format: 'vcard',
      counts: { add: 1, merge: 0, skip: 1 },
      rows: [
        { position: 1, action: 'add', reason: null },
        { position: 2, action: 'skip', reason: 'no_address' },
      ],
    });
    expect(((await client.get('/api/address-book')).json() as AddressBook).contacts).toHaveLength(1);
    expect((await client.post('/api/address-book/import', file)).json()).toEqual({
      added: 1,
      merged: 0,
      skipped: 1,
    });
    const book = (await client.get('/api/address-book')).json() as AddressBook;
    expect(book.contacts.map((c) => c.name)).toEqual(['Nguyễn Thị Mỹ Hạnh', 'Phạm Quốc Dũng']);
    expect(book.groups.map((g: ContactGroup) => [g.name, g.memberIds.length])).toEqual([['Lãnh đạo Sở', 2]]);
    expect(((await client.get('/api/address-book?q=pham quoc')).json() as AddressBook).contacts).toHaveLength(
      1,
    );

    // A bad file: a clear code, nothing lost.
    const broken = await client.post('/api/address-book/import', {
      fileName: 'x.csv',
      content: base64('Kính gửi\n'),
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error).toMatchObject({ code: 'contacts_file_unreadable' });
    expect(broken.json().error.message).toMatch(/Không đọc được tệp/);
    expect(((await client.get('/api/address-book')).json() as AddressBook).contacts).toHaveLength(2);

    const vcf = await client.get('/api/address-book/export.vcf');
    expect(vcf.headers['content-type']).toMatch(/^text\/vcard/);
    expect(vcf.body).toContain('VERSION:4.0');
    expect(vcf.body).toContain('FN:Phạm Quốc Dũng');
    expect(vcf.body).toContain('CATEGORIES:Lãnh đạo Sở');
    const csv = await client.get('/api/address-book/export.csv');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.headers['content-disposition']).toContain('danh-ba.csv');

    // Someone else sees none of it, and cannot touch it.
    const other = demoAccount((a) => a.email.startsWith('dungpq.'));
    const them = await logIn(proxy, other.email, other.password);
    expect((await them.get('/api/address-book')).json()).toEqual({ contacts: [], groups: [] });
    expect((await them.delete(`/api/address-book/contacts/${hanh.id}`)).statusCode).toBe(404);

    expect((await client.delete(`/api/address-book/contacts/${hanh.id}`)).statusCode).toBe(204);
    expect((await client.delete(`/api/address-book/contacts/${hanh.id}`)).json().error.code).toBe(
      'contact_not_found',
    );
  });

  it('answers 401 without a session', async () => {
    const res = await proxy.app.inject({
      method: 'GET',
      url: '/api/address-book',
      headers: { host: '127.0.0.1:8080' },
    });
    expect(res.statusCode).toBe(401);
  });

  it("forgets a revoked account's address book (Đ6.2) and keeps a suspended one's", async () => {
    const owner = 'thuhoi.contacts@binhphuoc.gov.vn';
    await proxy.ctx.contacts.create(owner, {
      name: 'A',
      emails: ['a@binhphuoc.gov.vn'],
      phone: '',
      organization: '',
      title: '',
      note: '',
    });
    const deps = {
      ...proxy.ctx,
      passwordDriver: { ...proxy.ctx.passwordDriver, setSuspended: async () => false },
    };
    await setAccountState(deps, owner, 'suspended', null, { name: 'admin:test' });
    expect(await proxy.ctx.contacts.count(owner)).toBe(1);
    await setAccountState(deps, owner, 'revoked', null, { name: 'admin:test' });
    expect(await proxy.ctx.contacts.count(owner)).toBe(0);
  });
});
