import type { AccountRecord } from '../../accounts/account-store';

/**
 * An account the console has recorded nothing about yet: active, no unit, name, role or lifecycle
 * facts, created (and its password set) at `at`; Đ4 tells the kind from the address (a
 * person's ten.unit@, a unit's unit@).
 */
export function blankAccountRecord(email: string, at: Date): AccountRecord {
  const address = email.toLowerCase();
  return {
    email: address,
    state: 'active',
    stateReason: null,
    stateChangedAt: null,
    passwordChangedAt: at,
    mustChangePassword: false,
    sendingLockedReason: null,
    createdAt: at,
    fullName: null,
    unitCode: null,
    kind: address.slice(0, address.indexOf('@')).includes('.') ? 'personal' : 'unit',
    title: null,
    role: 'user',
    quotaBytes: null,
    provisionedBy: null,
    nameOverrideReason: null,
    firstLoginAt: null,
    lastLoginAt: null,
    lastSentAt: null,
    departure: null,
    inactivityExemption: null,
    exportedAt: null,
    exportFile: null,
    restoreRequestedAt: null,
  };
}

/** The epoch stands for the dates the console never saw (detailOf shows them as unknown). */
export const NEVER_SEEN = new Date(0);

/** A mailbox only the provider knows (it never logged in here): its name as the provider has it. */
export function providerOnlyRecord(p: { email: string; name: string | null }): AccountRecord {
  return { ...blankAccountRecord(p.email, NEVER_SEEN), fullName: p.name };
}
