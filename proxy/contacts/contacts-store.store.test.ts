import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/open-store';
import { openTestStore, STORE_ENGINES } from '../test-support/test-store';
import { type ContactFields, createContactsStore } from './contacts-store';

const OWNER = 'thanhtv.sttt@binhphuoc.gov.vn';
const OTHER = 'lannt.vpubnd@binhphuoc.gov.vn';
const fields = (over: Partial<ContactFields>): ContactFields => ({
  name: 'Nguyễn Văn A',
  emails: ['a@binhphuoc.gov.vn'],
  phone: '',
  organization: '',
  title: '',
  note: '',
  ...over,
});

describe.each(STORE_ENGINES)('contacts store (%s)', (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(engine);
  });
  afterEach(async () => {
    await store.close();
  });

  it("keeps each owner's contacts apart, found without tones, edited and deleted", async () => {
    const contacts = createContactsStore(store.db);
    const lan = await contacts.create(
      OWNER,
      fields({
        name: 'Nguyễn Thị Mỹ Lan',
        emails: ['lannt.vpubnd@binhphuoc.gov.vn'],
        organization: 'Văn phòng UBND',
      }),
    );
    await contacts.create(OWNER, fields({ name: 'Đỗ Hùng', emails: ['hungd@binhphuoc.gov.vn'] }));
    await contacts.create(OTHER, fields({ name: 'Người khác', emails: ['x@binhphuoc.gov.vn'] }));
    expect((await contacts.list(OWNER)).map((c) => c.name)).toEqual(['Nguyễn Thị Mỹ Lan', 'Đỗ Hùng']);
    expect((await contacts.list('THANHTV.STTT@binhphuoc.gov.vn', 'my lan')).map((c) => c.name)).toEqual([
      'Nguyễn Thị Mỹ Lan',
    ]);
    expect((await contacts.list(OWNER, 'do hung')).map((c) => c.name)).toEqual(['Đỗ Hùng']);
    expect(await contacts.list(OWNER, '100%_')).toEqual([]);
    expect(await contacts.list(OTHER, 'lan')).toEqual([]);

    const edited = await contacts.update(OWNER, lan.id, {
      ...fields({}),
      name: 'Lan',
      emails: ['lan@binhphuoc.gov.vn'],
    });
    expect(edited).toMatchObject({ name: 'Lan', emails: ['lan@binhphuoc.gov.vn'], groupIds: [] });
    expect(await contacts.update(OTHER, lan.id, fields({}))).toBeNull();
    expect(await contacts.remove(OTHER, lan.id)).toBe(false);
    expect(await contacts.remove(OWNER, lan.id)).toBe(true);
    expect(await contacts.count(OWNER)).toBe(1);
  });

  it('keeps groups with members, names unique without tones, members only the owner’s', async () => {
    const contacts = createContactsStore(store.db);
    const a = await contacts.create(OWNER, fields({ name: 'A', emails: ['a@binhphuoc.gov.vn'] }));
    const b = await contacts.create(OWNER, fields({ name: 'B', emails: ['b@binhphuoc.gov.vn'] }));
    const foreign = await contacts.create(OTHER, fields({ name: 'C', emails: ['c@binhphuoc.gov.vn'] }));
    const group = await contacts.createGroup(OWNER, 'Lãnh đạo Sở', [b.id, a.id, foreign.id]);
    expect(group).toMatchObject({ name: 'Lãnh đạo Sở', memberIds: [a.id, b.id] });
    expect(await contacts.createGroup(OWNER, 'lanh dao so', [])).toBeNull();
    expect(await contacts.createGroup(OTHER, 'Lãnh đạo Sở', [])).not.toBeNull();
    expect((await contacts.get(OWNER, a.id))?.groupIds).toEqual([group!.id]);
    expect((await contacts.groups(OWNER, 'lanh dao')).map((g) => g.name)).toEqual(['Lãnh đạo Sở']);

    expect(await contacts.updateGroup(OWNER, group!.id, 'Lãnh đạo', [a.id])).toMatchObject({
      memberIds: [a.id],
    });
    await contacts.createGroup(OWNER, 'Văn phòng', []);
    expect(await contacts.updateGroup(OWNER, group!.id, 'VĂN PHÒNG', [])).toBe('exists');
    expect(await contacts.updateGroup(OTHER, group!.id, 'X', [])).toBe('not_found');
    // A deleted contact leaves its groups.
    await contacts.remove(OWNER, a.id);
    expect((await contacts.groups(OWNER)).find((g) => g.id === group!.id)?.memberIds).toEqual([]);
    expect(await contacts.removeGroup(OWNER, group!.id)).toBe(true);
    expect((await contacts.get(OWNER, b.id))?.groupIds).toEqual([]);
  });

  it('applies an import whole, making the groups it names, and forgets an owner', async () => {
    const contacts = createContactsStore(store.db);
    const a = await contacts.create(OWNER, fields({ name: 'A', emails: ['a@binhphuoc.gov.vn'] }));
    await contacts.createGroup(OWNER, 'Lãnh đạo Sở', []);
    await contacts.applyImport(OWNER, {
      add: [
        {
          ...fields({ name: 'Mới', emails: ['moi@binhphuoc.gov.vn'] }),
          groups: ['lãnh đạo sở', 'Văn phòng'],
        },
      ],
      merge: [
        {
          ...fields({ name: 'A', emails: ['a@binhphuoc.gov.vn', 'a2@x.vn'] }),
          id: a.id,
          groups: ['Lãnh đạo Sở'],
        },
      ],
    });
    const groups = await contacts.groups(OWNER);
    expect(groups.map((g) => [g.name, g.memberIds.length])).toEqual([
      ['Lãnh đạo Sở', 2],
      ['Văn phòng', 1],
    ]);
    expect((await contacts.get(OWNER, a.id))?.emails).toEqual(['a@binhphuoc.gov.vn', 'a2@x.vn']);
    await contacts.create(OTHER, fields({}));

    await contacts.forgetOwner(OWNER);
    expect(await contacts.list(OWNER)).toEqual([]);
    expect(await contacts.groups(OWNER)).toEqual([]);
    expect(await store.db.selectFrom('contact_group_members').selectAll().execute()).toEqual([]);
    expect(await contacts.count(OTHER)).toBe(1);
  });
});
