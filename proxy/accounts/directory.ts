import { type ExpressionBuilder, sql } from 'kysely';
import type { Contact } from '../../common/contract';
import type { ProviderAccount } from '../password/drivers/password-driver';
import { foldVietnamese } from '../policy/fold-vietnamese';
import type { StoreDb } from '../store/open-store';
import type { StoreSchema } from '../store/schema';

/**
 * Address completion: the province directory (the provider's addresses, named as the console
 * names them: proxy/console/directory/refresh-directory.ts) and the addresses each user has
 * written to. Matching ignores diacritics and case on name, unit and address.
 */
export function createDirectory(db: StoreDb, now: () => number = Date.now) {
  const folded = (...parts: (string | null | undefined)[]) => foldVietnamese(parts.filter(Boolean).join(' '));
  const put = async (trx: StoreDb, accounts: ProviderAccount[], at: number) => {
    for (const a of accounts) {
      await trx
        .insertInto('directory')
        .values({
          email: a.email,
          name: a.name,
          unit: a.unit,
          folded: folded(a.name, a.unit, a.email),
          updated_at: at,
        })
        .onConflict((oc) =>
          oc.column('email').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            unit: eb.ref('excluded.unit'),
            folded: eb.ref('excluded.folded'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
  };
  // The folded column and the pattern are both lower-case (foldVietnamese), so LIKE matches the
  // same on PostgreSQL (case-sensitive) as on SQLite (ASCII case ignored).
  const pattern = (query: string) => `%${foldVietnamese(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const likeFolded = (column: 'd.folded' | 'r.folded', like: string) =>
    sql<boolean>`${sql.ref(column)} like ${like} escape '\\'`;
  // A mailbox the console suspended or revoked since the last refresh is not offered either.
  const stillActive = (eb: ExpressionBuilder<StoreSchema & { a: StoreSchema['accounts'] }, 'a'>) =>
    eb.or([eb('a.state', 'is', null), eb('a.state', '=', 'active')]);

  return {
    /** Every address with its name and unit as last refreshed (the console's directory reads it). */
    async entries(): Promise<ProviderAccount[]> {
      return db.selectFrom('directory').select(['email', 'name', 'unit']).execute();
    },

    /**
     * Replaces the directory with the provider's list (merged with the console's names by
     * refreshDirectory); accounts gone from the provider go too.
     */
    async replaceFromProvider(accounts: ProviderAccount[]): Promise<void> {
      const at = now();
      await db.transaction().execute(async (trx) => {
        await put(trx, accounts, at);
        await trx.deleteFrom('directory').where('updated_at', '<', at).execute();
      });
    },

    /** Adds or renames these addresses only (a mailbox just created), leaving the rest as it is. */
    async put(accounts: ProviderAccount[]): Promise<void> {
      await db.transaction().execute((trx) => put(trx, accounts, now()));
    },

    async nameOf(email: string): Promise<string | null> {
      const row = await db
        .selectFrom('directory')
        .select('name')
        .where('email', '=', email.toLowerCase())
        .executeTakeFirst();
      return row?.name ?? null;
    },

    /** Recent correspondents first (the user's own habits), then the directory; one entry per address. */
    async search(owner: string, query: string, limit = 10): Promise<Contact[]> {
      const like = pattern(query);
      const seen = new Set<string>();
      const out: Contact[] = [];
      const add = (c: Contact) => {
        if (seen.has(c.address) || out.length >= limit) return;
        seen.add(c.address);
        out.push(c);
      };
      const names = new Map<string, { name: string | null; unit: string | null }>();
      const fromDirectory = await db
        .selectFrom('directory as d')
        .leftJoin('accounts as a', 'a.email', 'd.email')
        .select(['d.email', 'd.name', 'd.unit'])
        .where(likeFolded('d.folded', like))
        .where(stillActive)
        .orderBy(sql`${sql.ref('d.name')} is null`)
        .orderBy('d.name')
        .limit(limit)
        .execute();
      for (const d of fromDirectory) names.set(d.email, d);
      const recent = await db
        .selectFrom('recent_recipients as r')
        .leftJoin('accounts as a', 'a.email', 'r.address')
        .select(['r.address', 'r.name'])
        .where('r.owner', '=', owner.toLowerCase())
        .where(likeFolded('r.folded', like))
        .where(stillActive)
        .orderBy('r.uses', 'desc')
        .orderBy('r.last_used', 'desc')
        .limit(limit)
        .execute();
      for (const r of recent) {
        const known = names.get(r.address);
        add({
          address: r.address,
          name: r.name ?? known?.name ?? '',
          unit: known?.unit ?? null,
          source: 'recent',
        });
      }
      for (const d of fromDirectory)
        add({ address: d.email, name: d.name ?? '', unit: d.unit, source: 'directory' });
      return out;
    },

    async rememberRecipients(
      owner: string,
      recipients: { address: string; name?: string | undefined }[],
    ): Promise<void> {
      const at = now();
      await db.transaction().execute(async (trx) => {
        for (const r of recipients) {
          await trx
            .insertInto('recent_recipients')
            .values({
              owner: owner.toLowerCase(),
              address: r.address.toLowerCase(),
              name: r.name || null,
              folded: folded(r.name, r.address),
              uses: 1,
              last_used: at,
            })
            .onConflict((oc) =>
              oc.columns(['owner', 'address']).doUpdateSet((eb) => ({
                uses: sql<number>`${sql.ref('recent_recipients.uses')} + 1`,
                last_used: eb.ref('excluded.last_used'),
                name: eb.fn.coalesce('excluded.name', 'recent_recipients.name'),
                folded: eb.ref('excluded.folded'),
              })),
            )
            .execute();
        }
      });
    },
  };
}

export type Directory = ReturnType<typeof createDirectory>;
