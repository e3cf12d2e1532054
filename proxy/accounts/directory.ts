import type { Contact } from '../../common/contract';
import type { ProviderAccount } from '../password/drivers/password-driver';
import { foldVietnamese } from '../policy/fold-vietnamese';
import type { Db } from '../store/database';

/**
 * Address completion: the province directory (the provider's addresses, named as the console
 * names them: proxy/console/directory/refresh-directory.ts) and the addresses each user has
 * written to. Matching ignores diacritics and case on name, unit and address.
 */
export function createDirectory(db: Db, now: () => number = Date.now) {
  const upsert = db.prepare(
    `INSERT INTO directory (email, name, unit, folded, updated_at) VALUES (@email, @name, @unit, @folded, @at)
     ON CONFLICT(email) DO UPDATE SET name = excluded.name, unit = excluded.unit, folded = excluded.folded,
       updated_at = excluded.updated_at`,
  );
  const nameOfStmt = db.prepare('SELECT name FROM directory WHERE email = ?');
  const removeStale = db.prepare('DELETE FROM directory WHERE updated_at < ?');
  // A mailbox the console suspended or revoked since the last refresh is not offered either.
  const searchDirectory = db.prepare(
    `SELECT d.email, d.name, d.unit FROM directory d LEFT JOIN accounts a ON a.email = d.email
     WHERE d.folded LIKE ? ESCAPE '\\' AND (a.state IS NULL OR a.state = 'active')
     ORDER BY d.name IS NULL, d.name LIMIT ?`,
  );
  const searchRecent = db.prepare(
    `SELECT r.address, r.name FROM recent_recipients r LEFT JOIN accounts a ON a.email = r.address
     WHERE r.owner = ? AND r.folded LIKE ? ESCAPE '\\' AND (a.state IS NULL OR a.state = 'active')
     ORDER BY r.uses DESC, r.last_used DESC LIMIT ?`,
  );
  const allEntries = db.prepare('SELECT email, name, unit FROM directory');
  const remember = db.prepare(
    `INSERT INTO recent_recipients (owner, address, name, folded, uses, last_used) VALUES (?, ?, ?, ?, 1, ?)
     ON CONFLICT(owner, address) DO UPDATE SET uses = uses + 1, last_used = excluded.last_used,
       name = COALESCE(excluded.name, recent_recipients.name), folded = excluded.folded`,
  );

  const folded = (...parts: (string | null | undefined)[]) => foldVietnamese(parts.filter(Boolean).join(' '));
  const put = (accounts: ProviderAccount[], at: number) => {
    for (const a of accounts) {
      upsert.run({ email: a.email, name: a.name, unit: a.unit, folded: folded(a.name, a.unit, a.email), at });
    }
  };
  const pattern = (query: string) => `%${foldVietnamese(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

  return {
    /** Every address with its name and unit as last refreshed (the console's directory reads it). */
    entries(): ProviderAccount[] {
      return allEntries.all() as ProviderAccount[];
    },

    /**
     * Replaces the directory with the provider's list (merged with the console's names by
     * refreshDirectory); accounts gone from the provider go too.
     */
    replaceFromProvider(accounts: ProviderAccount[]): void {
      const at = now();
      db.transaction(() => {
        put(accounts, at);
        removeStale.run(at);
      })();
    },

    /** Adds or renames these addresses only (a mailbox just created), leaving the rest as it is. */
    put(accounts: ProviderAccount[]): void {
      db.transaction(() => put(accounts, now()))();
    },

    nameOf(email: string): string | null {
      return (nameOfStmt.get(email.toLowerCase()) as { name: string | null } | undefined)?.name ?? null;
    },

    /** Recent correspondents first (the user's own habits), then the directory; one entry per address. */
    search(owner: string, query: string, limit = 10): Contact[] {
      const like = pattern(query);
      const seen = new Set<string>();
      const out: Contact[] = [];
      const add = (c: Contact) => {
        if (seen.has(c.address) || out.length >= limit) return;
        seen.add(c.address);
        out.push(c);
      };
      const names = new Map<string, { name: string | null; unit: string | null }>();
      const fromDirectory = searchDirectory.all(like, limit) as {
        email: string;
        name: string | null;
        unit: string | null;
      }[];
      for (const d of fromDirectory) names.set(d.email, d);
      for (const r of searchRecent.all(owner.toLowerCase(), like, limit) as {
        address: string;
        name: string | null;
      }[]) {
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

    rememberRecipients(owner: string, recipients: { address: string; name?: string | undefined }[]): void {
      const at = now();
      db.transaction(() => {
        for (const r of recipients) {
          remember.run(
            owner.toLowerCase(),
            r.address.toLowerCase(),
            r.name || null,
            folded(r.name, r.address),
            at,
          );
        }
      })();
    },
  };
}

export type Directory = ReturnType<typeof createDirectory>;
