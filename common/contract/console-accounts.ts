import { z } from 'zod';
import { Role } from './console';

/** The console's accounts (Đ5.3a, Đ4.2a, Đ4.2b, Đ7.2b): list, detail, create, edit. */
export const AccountState = z.enum(['active', 'suspended', 'revoked']).meta({ id: 'AccountState' });
export type AccountState = z.infer<typeof AccountState>;
export const AccountKind = z.enum(['personal', 'unit']).meta({ id: 'AccountKind' });
export type AccountKind = z.infer<typeof AccountKind>;

/**
 * One account of the console in a path (accounts and lifecycle alike): the address as typed,
 * trimmed and lower-cased the way the store keeps it.
 */
export const AccountEmailParams = z.object({ email: z.string().trim().toLowerCase().min(3).max(254) });
export type AccountEmailParams = z.infer<typeof AccountEmailParams>;

export const AccountListQuery = z.object({
  /** A unit and every unit below it. */
  unit: z.string().trim().toLowerCase().optional(),
  state: AccountState.optional(),
  role: Role.optional(),
  /** Name, address, title or unit; tones and case ignored. */
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AccountListQuery = z.input<typeof AccountListQuery>;
export type AccountListFilter = z.output<typeof AccountListQuery>;

export const AccountSummary = z
  .object({
    email: z.string(),
    /** null: only ever seen at log-in or at the provider, never described in the console. */
    fullName: z.string().nullable(),
    unitCode: z.string().nullable(),
    unitName: z.string().nullable(),
    kind: AccountKind,
    title: z.string().nullable(),
    state: AccountState,
    role: Role,
    sendingLocked: z.boolean(),
    lastLoginAt: z.string().nullable(),
  })
  .meta({ id: 'AccountSummary' });
export type AccountSummary = z.infer<typeof AccountSummary>;

export const AccountList = z
  .object({
    items: z.array(AccountSummary),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  })
  .meta({ id: 'AccountList' });
export type AccountList = z.infer<typeof AccountList>;

export const AccountLifecycleEvent = z.object({
  kind: z.enum(['lock_sending', 'export', 'revoke', 'suspend_inactive', 'review_restore']),
  rule: z.string(),
  /** yyyy-mm-dd in Viet Nam. */
  dueOn: z.string(),
  automatic: z.boolean(),
  blockedBy: z.string().nullable(),
});
export type AccountLifecycleEvent = z.infer<typeof AccountLifecycleEvent>;

export const AccountDetail = AccountSummary.extend({
  stateReason: z.string().nullable(),
  sendingLockedReason: z.string().nullable(),
  /** null (with createdAt): an account only the provider knows; the console has no dates for it. */
  passwordChangedAt: z.string().nullable(),
  passwordAgeDays: z.number().int().nullable(),
  mustChangePassword: z.boolean(),
  createdAt: z.string().nullable(),
  firstLoginAt: z.string().nullable(),
  lastSentAt: z.string().nullable(),
  quotaBytes: z.number().nullable(),
  provisionedBy: z.string().nullable(),
  nameOverrideReason: z.string().nullable(),
  departure: z.object({ on: z.string(), level: z.string(), reason: z.string() }).nullable(),
  /** What the daily job will do and when (Đ5.3b, Đ6.2a), before it happens. */
  nextEvents: z.array(AccountLifecycleEvent),
}).meta({ id: 'AccountDetail' });
export type AccountDetail = z.infer<typeof AccountDetail>;

export const ProposeRequest = z.object({
  fullName: z.string().max(200).default(''),
  unitCode: z.string().trim().toLowerCase().min(1),
  kind: AccountKind.default('personal'),
});
export type ProposeRequest = z.input<typeof ProposeRequest>;

export const AddressProposal = z
  .object({
    ok: z.boolean(),
    address: z.string().nullable(),
    local: z.string().nullable(),
    /** 2, 3, … when the plain form is taken in the unit (Đ4.2b). */
    clash: z.number().int().nullable(),
    /** Why nothing can be proposed: an error code (errors.<code>). */
    code: z.string().nullable(),
  })
  .meta({ id: 'AddressProposal' });
export type AddressProposal = z.infer<typeof AddressProposal>;

export const CreateAccountRequest = z
  .object({
    fullName: z.string().max(200).default(''),
    unitCode: z.string().trim().toLowerCase().min(1),
    kind: AccountKind.default('personal'),
    title: z.string().trim().max(200).nullish(),
    /** The admin's own local part instead of the proposal; needs overrideReason. */
    local: z.string().trim().max(64).nullish(),
    overrideReason: z.string().trim().max(500).nullish(),
    quotaBytes: z.number().int().positive().nullish(),
    requestId: z.number().int().positive().nullish(),
  })
  .meta({ id: 'CreateAccountRequest' });
export type CreateAccountRequest = z.input<typeof CreateAccountRequest>;

export const CreatedAccount = z
  .object({
    address: z.string(),
    /** Shown once to the admin, never stored: the holder must change it at the first log-in. */
    temporaryPassword: z.string(),
    proposed: z.string(),
    account: AccountDetail,
  })
  .meta({ id: 'CreatedAccount' });
export type CreatedAccount = z.infer<typeof CreatedAccount>;

export const ProfileUpdate = z
  .object({
    fullName: z.string().trim().min(1).max(200).optional(),
    unitCode: z.string().trim().toLowerCase().min(1).optional(),
    title: z.string().trim().max(200).nullable().optional(),
  })
  .meta({ id: 'ProfileUpdate' });
export type ProfileUpdate = z.input<typeof ProfileUpdate>;

export const QuotaUpdate = z.object({ quotaBytes: z.number().int().positive() }).meta({ id: 'QuotaUpdate' });
export type QuotaUpdate = z.infer<typeof QuotaUpdate>;

export const QuotaResult = z
  .object({
    quotaBytes: z.number(),
    /** false: the provider keeps quotas elsewhere; the console recorded it only. */
    atProvider: z.boolean(),
  })
  .meta({ id: 'QuotaResult' });
export type QuotaResult = z.infer<typeof QuotaResult>;

export const RoleUpdate = z.object({ role: Role }).meta({ id: 'RoleUpdate' });
export type RoleUpdate = z.infer<typeof RoleUpdate>;

export const TemporaryPassword = z
  .object({ temporaryPassword: z.string() })
  .meta({ id: 'TemporaryPassword' });
export type TemporaryPassword = z.infer<typeof TemporaryPassword>;
