import { randomUUID } from 'node:crypto';
import type { Address } from '../../common/contract/messages';
import type { MessageTemplate } from '../../common/contract/templates';
import type { StoreDb } from '../store/open-store';

/** What is saved of a template; the service has checked and sanitised it already. */
export interface TemplateFields {
  name: string;
  subject: string;
  html: string;
  to: Address[];
  cc: Address[];
}

type Row = {
  id: string;
  name: string;
  subject: string;
  html: string;
  recipients: string;
  updated_at: number;
};

function templateOf(row: Row): MessageTemplate {
  const recipients = JSON.parse(row.recipients) as { to?: Address[]; cc?: Address[] };
  return {
    id: row.id,
    name: row.name,
    subject: row.subject,
    html: row.html,
    to: recipients.to ?? [],
    cc: recipients.cc ?? [],
    updatedAt: Number(row.updated_at),
  };
}

const COLUMNS = ['id', 'name', 'subject', 'html', 'recipients', 'updated_at'] as const;

/**
 * Each user's message templates in the policy store. Owners are lower-case addresses; a name is
 * unique per owner (the database says so too, for two tabs saving at once).
 */
export function createTemplatesStore(db: StoreDb, now: () => number = Date.now) {
  const key = (email: string) => email.normalize('NFC').toLowerCase();

  async function nameTaken(owner: string, name: string, except?: string): Promise<boolean> {
    let query = db
      .selectFrom('message_templates')
      .select('id')
      .where('owner', '=', key(owner))
      .where('name', '=', name);
    if (except) query = query.where('id', '!=', except);
    return (await query.executeTakeFirst()) !== undefined;
  }

  return {
    /** By name, as the picker shows them (the database's order differs between engines). */
    async list(owner: string): Promise<MessageTemplate[]> {
      const rows = await db
        .selectFrom('message_templates')
        .select(COLUMNS)
        .where('owner', '=', key(owner))
        .execute();
      return rows.map(templateOf).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    },

    async count(owner: string): Promise<number> {
      const row = await db
        .selectFrom('message_templates')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('owner', '=', key(owner))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** The new template, or 'name_taken' when the owner already has one of that name. */
    async create(owner: string, fields: TemplateFields): Promise<MessageTemplate | 'name_taken'> {
      if (await nameTaken(owner, fields.name)) return 'name_taken';
      const at = now();
      const row = {
        id: randomUUID(),
        owner: key(owner),
        name: fields.name,
        subject: fields.subject,
        html: fields.html,
        recipients: JSON.stringify({ to: fields.to, cc: fields.cc }),
        created_at: at,
        updated_at: at,
      };
      try {
        await db.insertInto('message_templates').values(row).execute();
      } catch (error) {
        if (await nameTaken(owner, fields.name)) return 'name_taken';
        throw error;
      }
      return templateOf(row);
    },

    /** The renamed template, null when the owner has none of that id, or 'name_taken'. */
    async rename(owner: string, id: string, name: string): Promise<MessageTemplate | null | 'name_taken'> {
      if (await nameTaken(owner, name, id)) return 'name_taken';
      const result = await db
        .updateTable('message_templates')
        .set({ name, updated_at: now() })
        .where('owner', '=', key(owner))
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return null;
      const row = await db
        .selectFrom('message_templates')
        .select(COLUMNS)
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return templateOf(row);
    },

    async remove(owner: string, id: string): Promise<boolean> {
      const result = await db
        .deleteFrom('message_templates')
        .where('owner', '=', key(owner))
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /** Every template of an account, when the account goes for good. */
    async removeAllOf(owner: string): Promise<number> {
      const result = await db
        .deleteFrom('message_templates')
        .where('owner', '=', key(owner))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type TemplatesStore = ReturnType<typeof createTemplatesStore>;
