import type { AccountRecord } from '../../accounts/account-store';
import type { Actor } from '../../accounts/admin-actions';
import type { AppContext } from '../../app-context';
import { ApiError } from '../../errors';
import { DriverError } from '../../password/drivers/password-driver';
import { passwordPolicyOf } from '../../password/password-policy';
import { temporaryPassword } from '../../password/temporary-password';
import {
  type AccountNameCode,
  proposeAddress,
  proposeUnitAddress,
  validateLocalPart,
} from '../../policy/account-name';
import { completionEntries } from '../directory/directory-listing';
import type { Unit } from '../units/unit-store';
import { runProviderAccountHook } from './provider-hook';

export type AccountKind = 'personal' | 'unit';

export interface CreateAccountInput {
  fullName: string;
  unitCode: string;
  kind: AccountKind;
  title?: string | null;
  /** The admin's own local part instead of the proposal (Đ4 leaves names it cannot handle). */
  local?: string | null;
  overrideReason?: string | null;
  quotaBytes?: number | null;
  /** Đ5.2: the unit's written request this creation answers. */
  requestId?: number | null;
}

export type Proposal =
  | { ok: true; local: string; address: string; clash: number | null }
  | { ok: false; code: AccountNameCode | 'unit_not_found' };

/** Đ7.2b: the minimum as the message shows it ("2 GB") and in bytes for callers. */
export function quotaBelowMinimum(minBytes: number): ApiError {
  const gb = minBytes / 1024 ** 3;
  return new ApiError('quota_below_minimum', { min: `${Number(gb.toFixed(2))} GB`, minBytes });
}

/**
 * Every address ever given out, lower-case: the provider's (accounts made outside the console
 * too) and the store's (revoked ones included, Đ4.2b: an old address never goes to a new person).
 */
export async function existingAddresses(
  ctx: Pick<AppContext, 'accounts' | 'passwordDriver'>,
): Promise<Set<string>> {
  const provider = await ctx.passwordDriver.listAccounts();
  return new Set([
    ...provider.map((a) => a.email.toLowerCase()),
    ...(await ctx.accounts.list()).map((a) => a.email),
  ]);
}

/**
 * The address Đ4 gives (Đ4.1, Đ4.2a, Đ4.2b), for the form's live proposal and the import's preview.
 * `existing` may be passed (and grown by the caller) to propose a whole list without clashes
 * between its own rows.
 */
export async function proposeFor(
  ctx: Pick<AppContext, 'accounts' | 'passwordDriver' | 'units' | 'config'>,
  input: { fullName: string; unitCode: string; kind: AccountKind },
  existing?: ReadonlySet<string>,
): Promise<Proposal> {
  const unit = await ctx.units.get(input.unitCode.trim().toLowerCase());
  if (!unit) return { ok: false, code: 'unit_not_found' };
  const parent = await namingParent(ctx.units, unit);
  return proposeWith(unit, parent, input, existing ?? (await existingAddresses(ctx)), ctx.config);
}

/** Đ4.1c, Đ4.1d: a division or commune is named with its parent; a department or district alone. */
async function namingParent(units: AppContext['units'], unit: Unit): Promise<Unit | undefined> {
  const withParent = (unit.level === 'division' || unit.level === 'commune') && unit.parentCode;
  return withParent ? units.get(unit.parentCode as string) : undefined;
}

function proposeWith(
  unit: Unit,
  parent: Unit | undefined,
  input: { fullName: string; kind: AccountKind },
  existing: ReadonlySet<string>,
  config: AppContext['config'],
): Proposal {
  const domain = config.org.mailDomain;
  if (input.kind === 'personal') {
    return proposeAddress({ fullName: input.fullName, unitCode: unit.code, existing, domain });
  }
  const proposal = proposeUnitAddress({
    unitCode: unit.code,
    parentCode: parent?.code ?? null,
    existing,
    domain,
  });
  return proposal.ok ? { ...proposal, clash: null } : proposal;
}

/**
 * Đ5.3a: a new mailbox, named by Đ4, created at the provider with a temporary password that
 * must be changed at the first log-in, with at least the minimum quota (Đ7.2b). Nothing is kept
 * when the provider refuses. Returns the temporary password: shown once, never stored.
 */
export async function createAccount(
  ctx: AppContext,
  input: CreateAccountInput,
  actor: Actor,
): Promise<{ account: AccountRecord; address: string; temporaryPassword: string; proposed: string }> {
  const fullName = input.fullName.normalize('NFC').trim().replace(/\s+/g, ' ');
  const unit = await ctx.units.get(input.unitCode.trim().toLowerCase());
  if (!unit) throw new ApiError('unit_not_found');
  const quotaBytes = input.quotaBytes ?? ctx.config.limits.quotaMinBytes;
  if (quotaBytes < ctx.config.limits.quotaMinBytes) {
    throw quotaBelowMinimum(ctx.config.limits.quotaMinBytes);
  }
  const existing = await existingAddresses(ctx);
  const name = fullName || (input.kind === 'unit' ? unit.name : '');
  const proposal = proposeWith(
    unit,
    await namingParent(ctx.units, unit),
    { fullName: name, kind: input.kind },
    existing,
    ctx.config,
  );
  const domain = ctx.config.org.mailDomain.toLowerCase();
  const override = input.local?.trim() || null;

  let local: string;
  let overrideReason: string | null = null;
  if (override && !(proposal.ok && proposal.local === override)) {
    overrideReason = input.overrideReason?.normalize('NFC').trim() || null;
    if (!overrideReason) throw new ApiError('override_reason_required');
    const [broken] = validateLocalPart(override, { kind: input.kind, unitCode: unit.code });
    if (broken) throw new ApiError(broken);
    if (existing.has(`${override}@${domain}`)) throw new ApiError('address_taken');
    local = override;
  } else {
    if (!proposal.ok) throw new ApiError(proposal.code);
    local = proposal.local;
  }
  const address = `${local}@${domain}`;
  const proposed = proposal.ok ? proposal.address : '';
  if (input.kind === 'personal' && !fullName) throw new ApiError('name_empty');

  const password = temporaryPassword({ email: address, displayName: name }, passwordPolicyOf(ctx.config));
  try {
    await ctx.passwordDriver.createAccount(address, password, { name, unit: unit.name, quotaBytes });
  } catch (error) {
    const reason = error instanceof DriverError ? error.reason : 'unexpected';
    await ctx.audit.record({
      actor: actor.name,
      email: address,
      action: 'account_create',
      outcome: 'provider_account_failed',
      ip: actor.ip,
      details: { reason },
    });
    if (reason === 'address_exists') throw new ApiError('address_taken', undefined, { cause: error });
    throw new ApiError('provider_account_failed', undefined, { cause: error });
  }
  const hook = await runProviderAccountHook(ctx, 'created', address);

  await ctx.accounts.setProfile(address, {
    fullName: name,
    unitCode: unit.code,
    kind: input.kind,
    title: input.title?.normalize('NFC').trim() || null,
    quotaBytes,
    provisionedBy: actor.name,
    nameOverrideReason: overrideReason,
  });
  await ctx.accounts.recordPasswordReset(address);
  await ctx.audit.record({
    actor: actor.name,
    email: address,
    action: 'account_create',
    outcome: 'ok',
    ip: actor.ip,
    details: {
      unit: unit.code,
      kind: input.kind,
      quotaBytes,
      ...(overrideReason ? { proposed, overrideReason } : {}),
      ...(input.requestId ? { requestId: input.requestId } : {}),
      ...(hook !== 'none' ? { hook } : {}),
    },
  });
  if (input.requestId) await ctx.requests.complete(input.requestId, `account_create ${address}`, actor.name);
  const account = (await ctx.accounts.get(address)) as AccountRecord;
  // Colleagues can address the new mailbox at once, not after the hourly directory refresh; only
  // this address is added (an import of many people must not rebuild the directory per row).
  await ctx.directory.put(
    completionEntries({
      provider: [{ email: address, name: account.fullName, unit: unit.name }],
      accounts: [account],
      units: [unit],
    }),
  );
  return {
    account,
    address,
    temporaryPassword: password,
    proposed,
  };
}
