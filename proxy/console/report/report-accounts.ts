/**
 * The accounts as the six-monthly report's counts (policy/mailbox-counts-by-unit.ts) need them,
 * put together from what the console keeps (the account store and its state history), what the
 * provider knows (its account list) and today's usage from Dovecot. PURE: loadReportInputs
 * (report-service.ts) does the reading.
 */
import type { AccountRecord, AccountState } from '../../accounts/account-store';
import type { ProviderAccount } from '../../password/drivers/password-driver';
import type { ReportAccount } from '../../policy/mailbox-counts-by-unit';
import type { MailboxQuota } from '../../quota-warnings/doveadm-quota';

export interface StateChange {
  state: AccountState;
  at: Date;
}

export interface ReportInputs {
  stored: readonly AccountRecord[];
  /** account_state_history per address (lower case), oldest first. */
  history: ReadonlyMap<string, readonly StateChange[]>;
  provider: readonly ProviderAccount[];
  /** Today's usage per address; null when the provider could not say (no doveadm). */
  usage: ReadonlyMap<string, MailboxQuota> | null;
  /** The unit tree's mailboxes (Đ4.1), to tell a unit mailbox the store never recorded. */
  unitMailboxes: ReadonlyMap<string, string>;
  mailDomain: string;
}

/** Accounts whose unit nobody recorded and whose address does not tell it. */
export const UNASSIGNED_UNIT = '';

/** An account the store never saw existed before the console: created "before any period". */
const LONG_AGO = new Date(0);

export function reportAccounts(inputs: ReportInputs): ReportAccount[] {
  const domain = `@${inputs.mailDomain.toLowerCase()}`;
  const byAddress = new Map<string, ReportAccount>();

  for (const record of inputs.stored) {
    const address = record.email.toLowerCase();
    if (!address.endsWith(domain)) continue;
    const unitOfMailbox = inputs.unitMailboxes.get(address);
    const kind = unitOfMailbox ? 'unit' : record.kind;
    const { suspensions, revokedAt } = statePeriods(record, inputs.history.get(address) ?? []);
    const usage = inputs.usage?.get(address);
    byAddress.set(address, {
      address,
      unit: record.unitCode ?? unitOfMailbox ?? unitFromAddress(address, kind),
      kind,
      createdAt: record.createdAt,
      revokedAt,
      suspensions,
      // Accounts from before the console's login columns: a last login proves a first one.
      firstLoginAt: record.firstLoginAt ?? record.lastLoginAt,
      usedBytes: usage?.usedBytes ?? 0,
      quotaBytes: usage?.limitBytes ?? record.quotaBytes ?? 0,
    });
  }

  for (const account of inputs.provider) {
    const address = account.email.toLowerCase();
    if (!address.endsWith(domain) || byAddress.has(address)) continue;
    const unitOfMailbox = inputs.unitMailboxes.get(address);
    const kind = unitOfMailbox ? 'unit' : 'personal';
    const usage = inputs.usage?.get(address);
    byAddress.set(address, {
      address,
      unit: unitOfMailbox ?? unitFromAddress(address, kind),
      kind,
      createdAt: LONG_AGO,
      revokedAt: null,
      suspensions: [],
      // Never seen by the store = never logged into the webmail, whose log-in records it.
      firstLoginAt: null,
      usedBytes: usage?.usedBytes ?? 0,
      quotaBytes: usage?.limitBytes ?? 0,
    });
  }
  return [...byAddress.values()];
}

/**
 * Đ4: thanhtv.sttt is in sttt; a unit mailbox is its unit's short name (stttt, or xmh.bda for a
 * commune under its district).
 */
export function unitFromAddress(address: string, kind: 'personal' | 'unit'): string {
  const parts = address.slice(0, address.indexOf('@')).split('.');
  if (kind === 'unit') return parts[0] ?? UNASSIGNED_UNIT;
  return parts.length > 1 ? (parts[1] as string) : UNASSIGNED_UNIT;
}

/**
 * Suspensions and revocation from the state history: 'suspended' opens a suspension, the next
 * other state closes it; 'revoked' revokes until a later 'active' restores the account. An
 * account whose state changed before history was kept gets one change at stateChangedAt.
 */
export function statePeriods(
  record: Pick<AccountRecord, 'state' | 'stateChangedAt' | 'createdAt'>,
  history: readonly StateChange[],
): { suspensions: ReportAccount['suspensions']; revokedAt: Date | null } {
  const changes =
    history.length > 0 || record.state === 'active'
      ? history
      : [{ state: record.state, at: record.stateChangedAt ?? record.createdAt }];
  const suspensions: ReportAccount['suspensions'] = [];
  let open: { from: Date; until: Date | null } | null = null;
  let revokedAt: Date | null = null;
  for (const change of changes) {
    if (change.state === 'suspended') {
      if (!open) {
        open = { from: change.at, until: null };
        suspensions.push(open);
      }
      continue;
    }
    if (open) {
      open.until = change.at;
      open = null;
    }
    if (change.state === 'revoked') revokedAt ??= change.at;
    else revokedAt = null;
  }
  return { suspensions, revokedAt };
}
