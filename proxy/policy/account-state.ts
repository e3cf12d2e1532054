/**
 * One answer to "is this mailbox in use?" from the two places that keep it: the policy store
 * (what the console decided) and the provider (what the IMAP login enforces: a passwd-file line
 * with `nologin`, Đ6.1). The stricter of the two wins, so the console, its filters, the
 * six-monthly report, the directory and the log-in all say what the log-in does. The provider
 * never lifts a suspension the console made: a mailbox restored at the provider by hand stays
 * suspended here until an admin restores it in the console (which writes both). PURE.
 */

export type AccountState = 'active' | 'suspended' | 'revoked';

export interface StoredState {
  state: AccountState;
  reason: string | null;
}

/**
 * The provider's side: the suspension reason it keeps, null when it lets the mailbox log in,
 * undefined when it has no such notion (a directory without `nologin`: the store decides alone).
 */
export type ProviderSuspension = string | null | undefined;

export interface ReconciledState extends StoredState {
  /** True when the store must take the provider's state (and the change be audited). */
  changed: boolean;
}

export function reconcileAccountState(stored: StoredState, provider: ProviderSuspension): ReconciledState {
  if (stored.state !== 'active' || typeof provider !== 'string') return { ...stored, changed: false };
  return { state: 'suspended', reason: provider.normalize('NFC').trim() || null, changed: true };
}
