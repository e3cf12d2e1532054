import type { AppContext } from '../app-context';
import type { ProviderAccount } from '../password/drivers/password-driver';
import { type ProviderSuspension, reconcileAccountState } from '../policy/account-state';

type Deps = Pick<AppContext, 'accounts' | 'audit'>;

/** Who the audit log names for a change the provider made (not an admin of the console). */
export const PROVIDER_ACTOR = 'system:provider';

/**
 * Brings the policy store in line with the provider for one account (reconcileAccountState) and
 * audits the change. Everything that speaks of account state reads the store afterwards, so the
 * console's list and filters, the report, the directory and the log-in give the same answer.
 * Returns true when the store changed.
 */
export async function reconcileWithProvider(
  deps: Deps,
  email: string,
  provider: ProviderSuspension,
): Promise<boolean> {
  // Only a suspension at the provider can change anything: no store read for the other accounts.
  if (typeof provider !== 'string') return false;
  const stored = await deps.accounts.get(email);
  const from = stored?.state ?? 'active';
  const next = reconcileAccountState({ state: from, reason: stored?.stateReason ?? null }, provider);
  if (!next.changed) return false;
  await deps.accounts.setState(email, next.state, next.reason);
  await deps.audit.record({
    actor: PROVIDER_ACTOR,
    email: email.toLowerCase(),
    action: 'account_state',
    outcome: 'ok',
    ip: null,
    details: { from, to: next.state, source: 'provider', ...(next.reason ? { reason: next.reason } : {}) },
  });
  return true;
}

/** The same for every account the provider listed (the listing, the report, the daily job). */
export async function reconcileProviderStates(
  deps: Deps,
  provider: readonly ProviderAccount[],
): Promise<number> {
  let changed = 0;
  for (const account of provider) {
    if (await reconcileWithProvider(deps, account.email, account.suspendedReason)) changed++;
  }
  return changed;
}

/** Reads the provider's list, reconciles, and hands the list on (callers need it anyway). */
export async function providerAccountsReconciled(
  deps: Deps & Pick<AppContext, 'passwordDriver'>,
): Promise<ProviderAccount[]> {
  const provider = await deps.passwordDriver.listAccounts();
  await reconcileProviderStates(deps, provider);
  return provider;
}
