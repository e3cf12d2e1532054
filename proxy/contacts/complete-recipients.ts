import type { Contact } from '../../common/contract';
import type { AppContext } from '../app-context';

/**
 * Completion in the recipient fields: the user's own groups and contacts first (whom they chose to
 * keep), then the people written to and the province directory; one entry per address, all
 * matched without tones. A group's entry carries its members, which picking it adds.
 */
export async function completeRecipients(
  ctx: Pick<AppContext, 'contacts' | 'directory'>,
  owner: string,
  query: string,
  limit = 10,
): Promise<Contact[]> {
  const [groups, contacts, others] = await Promise.all([
    ctx.contacts.groups(owner, query),
    ctx.contacts.list(owner, query),
    ctx.directory.search(owner, query, limit),
  ]);
  const out: Contact[] = [];
  const seen = new Set<string>();
  const add = (c: Contact) => {
    if (seen.has(c.address) || out.length >= limit) return;
    seen.add(c.address);
    out.push(c);
  };
  if (groups.length) {
    const everyone = await ctx.contacts.list(owner);
    const byId = new Map(everyone.map((c) => [c.id, c]));
    for (const g of groups) {
      const members = g.memberIds
        .map((id) => byId.get(id))
        .filter((c) => c?.emails[0])
        .map((c) => ({ name: c!.name, address: c!.emails[0]! }));
      if (members.length)
        add({ name: g.name, address: `group:${g.id}`, unit: null, source: 'group', members });
    }
  }
  for (const c of contacts) {
    for (const address of c.emails)
      add({ name: c.name, address, unit: c.organization || null, source: 'contact' });
  }
  for (const c of others) add(c);
  return out;
}
