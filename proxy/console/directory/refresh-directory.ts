import { providerAccountsReconciled } from '../../accounts/provider-state-sync';
import type { AppContext } from '../../app-context';
import { completionEntries } from './directory-listing';

/**
 * Refills compose's address completion from the provider's list, named as the console names
 * people (full name, the unit's official name) and without suspended or revoked mailboxes.
 * The background jobs run it hourly; a console change that should show at once may call it too.
 */
export async function refreshDirectory(
  ctx: Pick<AppContext, 'passwordDriver' | 'directory' | 'accounts' | 'units' | 'audit'>,
): Promise<void> {
  const provider = await providerAccountsReconciled(ctx);
  await ctx.directory.replaceFromProvider(
    completionEntries({ provider, accounts: await ctx.accounts.list(), units: await ctx.units.list() }),
  );
}
