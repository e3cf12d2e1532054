import type { AccountDetail, AccountListFilter, AccountSummary } from '../../../common/contract';
import { nextLifecycleEvents } from '../../../common/policy/account-lifecycle';
import type { AccountRecord } from '../../accounts/account-store';
import { providerAccountsReconciled } from '../../accounts/provider-state-sync';
import type { AppContext } from '../../app-context';
import { ApiError } from '../../errors';
import { foldVietnamese } from '../../policy/fold-vietnamese';
import { assertAccountVisible } from '../console-guard';
import { lifecycleAccountOf, lifecyclePolicyOf } from '../lifecycle/lifecycle-account';
import { unitWithSubUnits } from '../units/unit-service';
import type { Unit } from '../units/unit-store';
import { NEVER_SEEN, providerOnlyRecord } from './account-record';

type Deps = Pick<AppContext, 'accounts' | 'units' | 'passwordDriver' | 'config' | 'audit'>;
const DAY_MS = 86_400_000;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Every account the console can speak of: the store's (described in the console, or only ever
 * seen at log-in) and the provider's that never logged in here — with the name and unit the
 * provider records, until the console describes them.
 */
export async function allAccounts(deps: Deps): Promise<AccountRecord[]> {
  // The provider first: a mailbox it suspended is recorded so before the store is read.
  const provider = await providerAccountsReconciled(deps);
  const stored = await deps.accounts.list();
  // The provider names the unit in words (gecos, LDAP ou); where exactly one unit has that
  // official name, the account counts in it until the console records a unit itself.
  const units = await deps.units.list();
  const byName = new Map<string, string | null>();
  for (const u of units) {
    const key = foldVietnamese(u.name);
    byName.set(key, byName.has(key) ? null : u.code);
  }
  const unitFromProvider = new Map(
    provider.flatMap((p) => {
      const code = p.unit ? byName.get(foldVietnamese(p.unit)) : undefined;
      return code ? [[p.email.toLowerCase(), code] as const] : [];
    }),
  );
  const known = new Set(stored.map((a) => a.email));
  const fromProvider = provider.filter((p) => !known.has(p.email.toLowerCase())).map(providerOnlyRecord);
  // Failing that, the address itself names the unit (Đ4: ten.unit@ or unit@).
  const codes = new Set(units.map((u) => u.code));
  const unitFromAddress = (email: string): string | null => {
    const local = email.slice(0, email.indexOf('@'));
    const code = local.includes('.') ? local.slice(local.indexOf('.') + 1) : local;
    return codes.has(code) ? code : null;
  };
  const names = new Map(provider.map((p) => [p.email.toLowerCase(), p.name]));
  return [...stored, ...fromProvider].map((a) =>
    a.unitCode !== null && a.fullName !== null
      ? a
      : {
          ...a,
          unitCode: a.unitCode ?? unitFromProvider.get(a.email) ?? unitFromAddress(a.email),
          fullName: a.fullName ?? names.get(a.email) ?? null,
        },
  );
}

export function summaryOf(a: AccountRecord, unitOf: (code: string) => Unit | undefined): AccountSummary {
  return {
    email: a.email,
    fullName: a.fullName,
    unitCode: a.unitCode,
    unitName: a.unitCode ? (unitOf(a.unitCode)?.name ?? null) : null,
    kind: a.kind,
    title: a.title,
    state: a.state,
    role: a.role,
    sendingLocked: a.sendingLockedReason !== null,
    lastLoginAt: iso(a.lastLoginAt),
  };
}

/** The list with its filters; `visible` is a unit manager's scope (null: everything). */
export async function listAccounts(
  deps: Deps,
  query: AccountListFilter,
  visible: ReadonlySet<string> | null,
) {
  const units = await deps.units.list();
  const byCode = new Map(units.map((u) => [u.code, u]));
  const inUnit = query.unit ? unitWithSubUnits(units, query.unit) : null;
  const needle = query.q ? foldVietnamese(query.q) : '';
  const matches = (await allAccounts(deps)).filter((a) => {
    if (visible && !(a.unitCode && visible.has(a.unitCode))) return false;
    if (inUnit && !(a.unitCode && inUnit.has(a.unitCode))) return false;
    if (query.state && a.state !== query.state) return false;
    if (query.role && a.role !== query.role) return false;
    if (needle) {
      const unitName = a.unitCode ? (byCode.get(a.unitCode)?.name ?? '') : '';
      const text = foldVietnamese(
        [a.fullName, a.email, a.title, a.unitCode, unitName].filter(Boolean).join(' '),
      );
      if (!text.includes(needle)) return false;
    }
    return true;
  });
  // Names as a Vietnamese reader sorts them; accounts without a name after, by address.
  matches.sort(
    (a, b) =>
      Number(a.fullName === null) - Number(b.fullName === null) ||
      (a.fullName ?? '').localeCompare(b.fullName ?? '', 'vi') ||
      a.email.localeCompare(b.email),
  );
  const start = (query.page - 1) * query.pageSize;
  return {
    items: matches.slice(start, start + query.pageSize).map((a) => summaryOf(a, (c) => byCode.get(c))),
    total: matches.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

// Provider-only accounts get the epoch for the dates the console never saw.
const known = (d: Date) => (d.getTime() === NEVER_SEEN.getTime() ? null : d);

export async function detailOf(
  deps: Pick<Deps, 'units' | 'config'>,
  a: AccountRecord,
  now = new Date(),
): Promise<AccountDetail> {
  const policy = lifecyclePolicyOf(deps.config);
  const unit = a.unitCode ? await deps.units.get(a.unitCode) : undefined;
  return {
    ...summaryOf(a, () => unit),
    stateReason: a.stateReason,
    sendingLockedReason: a.sendingLockedReason,
    passwordChangedAt: iso(known(a.passwordChangedAt)),
    passwordAgeDays: known(a.passwordChangedAt)
      ? Math.max(0, Math.floor((now.getTime() - a.passwordChangedAt.getTime()) / DAY_MS))
      : null,
    mustChangePassword: a.mustChangePassword,
    createdAt: iso(known(a.createdAt)),
    firstLoginAt: iso(a.firstLoginAt),
    lastSentAt: iso(a.lastSentAt),
    quotaBytes: a.quotaBytes,
    provisionedBy: a.provisionedBy,
    nameOverrideReason: a.nameOverrideReason,
    departure: a.departure,
    nextEvents: (known(a.createdAt) ? nextLifecycleEvents(lifecycleAccountOf(a), now, policy) : []).map(
      (e) => ({
        kind: e.kind,
        rule: e.rule,
        dueOn: e.dueOn,
        automatic: e.automatic,
        blockedBy: e.blockedBy ?? null,
      }),
    ),
  };
}

/**
 * One account by address: the store's record, or — for an address only the provider knows —
 * the provider's name as a first record (so the console can describe it from now on).
 */
export async function findAccount(deps: Deps, email: string): Promise<AccountRecord | undefined> {
  const address = email.normalize('NFC').trim().toLowerCase();
  return (await allAccounts(deps)).find((a) => a.email === address);
}

/** The account as the viewer may see it: 404 when unknown, and also outside a unit manager's units. */
export async function findVisibleAccount(
  deps: Deps,
  email: string,
  units: ReadonlySet<string> | null,
): Promise<AccountRecord> {
  const record = await findAccount(deps, email);
  if (!record) throw new ApiError('account_not_found');
  assertAccountVisible(units, record.unitCode);
  return record;
}
