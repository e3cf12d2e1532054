import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AddressBookContact, ContactGroup } from '../../common/contract';
import { foldVietnamese } from '../policy/fold-vietnamese';
import type { StoreDb } from '../store/open-store';

/** A contact's fields as the store writes them (already validated and NFC). */
export interface ContactFields {
  name: string;
  emails: string[];
  phone: string;
  organization: string;
  title: string;
  note: string;
}

type Row = {
  id: string;
  name: string;
  emails: string;
  phone: string;
  organization: string;
  title: string;
  note: string;
};

const foldedOf = (c: ContactFields) =>
  foldVietnamese([c.name, ...c.emails, c.organization, c.title, c.phone].filter(Boolean).join(' '));
// The folded column and the pattern are both lower-case, so LIKE matches alike on both engines.
const likePattern = (query: string) => `%${foldVietnamese(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const likeFolded = (column: 'c.folded' | 'g.folded', query: string) =>
  sql<boolean>`${sql.ref(column)} like ${likePattern(query)} escape '\\'`;

/**
 * Each user's own address book in the policy store: contacts and named groups of them. Every
 * call names its owner (the signed-in address, lower-case) and touches only that owner's rows.
 */
export function createContactsStore(db: StoreDb, now: () => number = Date.now) {
  const owned = (owner: string) => owner.toLowerCase();

  async function groupIdsOf(owner: string, contactIds: string[]): Promise<Map<string, string[]>> {
    const byContact = new Map<string, string[]>();
    if (contactIds.length === 0) return byContact;
    const rows = await db
      .selectFrom('contact_group_members as m')
      .innerJoin('contact_groups as g', 'g.id', 'm.group_id')
      .select(['m.contact_id', 'm.group_id'])
      .where('g.owner', '=', owned(owner))
      .execute();
    for (const r of rows) byContact.set(r.contact_id, [...(byContact.get(r.contact_id) ?? []), r.group_id]);
    return byContact;
  }

  const toContact = (row: Row, groupIds: string[] = []): AddressBookContact => ({
    id: row.id,
    name: row.name,
    emails: JSON.parse(row.emails) as string[],
    phone: row.phone,
    organization: row.organization,
    title: row.title,
    note: row.note,
    groupIds,
  });

  const columns = ['c.id', 'c.name', 'c.emails', 'c.phone', 'c.organization', 'c.title', 'c.note'] as const;

  async function list(owner: string, query?: string): Promise<AddressBookContact[]> {
    let select = db.selectFrom('contacts as c').select(columns).where('c.owner', '=', owned(owner));
    if (query?.trim()) select = select.where(likeFolded('c.folded', query));
    const rows = await select.orderBy('c.name').orderBy('c.id').execute();
    const groups = await groupIdsOf(
      owner,
      rows.map((r) => r.id),
    );
    return rows.map((r) => toContact(r, groups.get(r.id) ?? []));
  }

  async function get(owner: string, id: string): Promise<AddressBookContact | null> {
    const row = await db
      .selectFrom('contacts as c')
      .select(columns)
      .where('c.owner', '=', owned(owner))
      .where('c.id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    return toContact(row, (await groupIdsOf(owner, [id])).get(id) ?? []);
  }

  async function count(owner: string): Promise<number> {
    const row = await db
      .selectFrom('contacts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('owner', '=', owned(owner))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function create(owner: string, fields: ContactFields, trx: StoreDb = db): Promise<string> {
    const id = randomUUID();
    const at = now();
    await trx
      .insertInto('contacts')
      .values({
        id,
        owner: owned(owner),
        ...fields,
        emails: JSON.stringify(fields.emails),
        folded: foldedOf(fields),
        created_at: at,
        updated_at: at,
      })
      .execute();
    return id;
  }

  async function update(
    owner: string,
    id: string,
    fields: ContactFields,
    trx: StoreDb = db,
  ): Promise<boolean> {
    const result = await trx
      .updateTable('contacts')
      .set({ ...fields, emails: JSON.stringify(fields.emails), folded: foldedOf(fields), updated_at: now() })
      .where('owner', '=', owned(owner))
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async function groups(owner: string, query?: string): Promise<ContactGroup[]> {
    let select = db
      .selectFrom('contact_groups as g')
      .select(['g.id', 'g.name'])
      .where('g.owner', '=', owned(owner));
    if (query?.trim()) select = select.where(likeFolded('g.folded', query));
    const rows = await select.orderBy('g.name').execute();
    if (rows.length === 0) return [];
    const members = await db
      .selectFrom('contact_group_members as m')
      .innerJoin('contacts as c', 'c.id', 'm.contact_id')
      .select(['m.group_id', 'm.contact_id'])
      .where(
        'm.group_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('c.name')
      .execute();
    return rows.map((g) => ({
      id: g.id,
      name: g.name,
      memberIds: members.filter((m) => m.group_id === g.id).map((m) => m.contact_id),
    }));
  }

  /** Only the owner's own contacts become members, whatever ids were sent. */
  async function setMembers(trx: StoreDb, owner: string, groupId: string, memberIds: string[]) {
    await trx.deleteFrom('contact_group_members').where('group_id', '=', groupId).execute();
    const wanted = [...new Set(memberIds)];
    if (wanted.length === 0) return;
    const mine = await trx
      .selectFrom('contacts')
      .select('id')
      .where('owner', '=', owned(owner))
      .where('id', 'in', wanted)
      .execute();
    if (mine.length === 0) return;
    await trx
      .insertInto('contact_group_members')
      .values(mine.map((c) => ({ group_id: groupId, contact_id: c.id })))
      .execute();
  }

  async function groupByName(owner: string, name: string, trx: StoreDb = db) {
    return trx
      .selectFrom('contact_groups')
      .select(['id', 'name'])
      .where('owner', '=', owned(owner))
      .where('folded', '=', foldVietnamese(name))
      .executeTakeFirst();
  }

  async function createGroup(owner: string, name: string, trx: StoreDb = db): Promise<string> {
    const id = randomUUID();
    const at = now();
    await trx
      .insertInto('contact_groups')
      .values({ id, owner: owned(owner), name, folded: foldVietnamese(name), created_at: at, updated_at: at })
      .execute();
    return id;
  }

  return {
    list,
    get,
    count,
    groups,
    groupByName,

    async create(owner: string, fields: ContactFields): Promise<AddressBookContact> {
      const id = await create(owner, fields);
      return (await get(owner, id))!;
    },

    async update(owner: string, id: string, fields: ContactFields): Promise<AddressBookContact | null> {
      if (!(await update(owner, id, fields))) return null;
      return get(owner, id);
    },

    async remove(owner: string, id: string): Promise<boolean> {
      const result = await db
        .deleteFrom('contacts')
        .where('owner', '=', owned(owner))
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /** Null when the owner already has a group of that name (compared without tones). */
    async createGroup(owner: string, name: string, memberIds: string[]): Promise<ContactGroup | null> {
      const id = await db.transaction().execute(async (trx) => {
        if (await groupByName(owner, name, trx)) return null;
        const id = await createGroup(owner, name, trx);
        await setMembers(trx, owner, id, memberIds);
        return id;
      });
      return id ? ((await groups(owner)).find((g) => g.id === id) ?? null) : null;
    },

    async updateGroup(
      owner: string,
      id: string,
      name: string,
      memberIds: string[],
    ): Promise<ContactGroup | 'not_found' | 'exists'> {
      const outcome = await db.transaction().execute(async (trx) => {
        const clash = await groupByName(owner, name, trx);
        if (clash && clash.id !== id) return 'exists' as const;
        const result = await trx
          .updateTable('contact_groups')
          .set({ name, folded: foldVietnamese(name), updated_at: now() })
          .where('owner', '=', owned(owner))
          .where('id', '=', id)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return 'not_found' as const;
        await setMembers(trx, owner, id, memberIds);
        return 'ok' as const;
      });
      if (outcome !== 'ok') return outcome;
      return (await groups(owner)).find((g) => g.id === id) ?? 'not_found';
    },

    async removeGroup(owner: string, id: string): Promise<boolean> {
      const result = await db
        .deleteFrom('contact_groups')
        .where('owner', '=', owned(owner))
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /**
     * Applies an import in one transaction: new contacts, merged ones, and the groups the file
     * names (created when missing, the contacts added to them).
     */
    async applyImport(
      owner: string,
      plan: {
        add: (ContactFields & { groups: string[] })[];
        merge: (ContactFields & { id: string; groups: string[] })[];
      },
    ): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const groupIds = new Map<string, string>();
        const joinGroups = async (contactId: string, names: string[]) => {
          for (const name of names) {
            const key = foldVietnamese(name);
            let groupId = groupIds.get(key) ?? (await groupByName(owner, name, trx))?.id;
            groupId ??= await createGroup(owner, name, trx);
            groupIds.set(key, groupId);
            await trx
              .insertInto('contact_group_members')
              .values({ group_id: groupId, contact_id: contactId })
              .onConflict((oc) => oc.columns(['group_id', 'contact_id']).doNothing())
              .execute();
          }
        };
        for (const { groups: names, ...fields } of plan.add)
          await joinGroups(await create(owner, fields, trx), names);
        for (const { id, groups: names, ...fields } of plan.merge) {
          await update(owner, id, fields, trx);
          await joinGroups(id, names);
        }
      });
    },

    /** Everything one user kept here: their account is revoked (Đ6.2). */
    async forgetOwner(owner: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('contact_groups').where('owner', '=', owned(owner)).execute();
        await trx.deleteFrom('contacts').where('owner', '=', owned(owner)).execute();
      });
    },
  };
}

export type ContactsStore = ReturnType<typeof createContactsStore>;
