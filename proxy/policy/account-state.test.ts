import { describe, expect, it } from 'vitest';
import { type AccountState, reconcileAccountState } from './account-state';

const REASON = 'Tạm khóa do không hoạt động quá 6 tháng (Điều 6.2a)';

describe('account state: the store and the provider reconciled', () => {
  it.each<[AccountState, string | null, string | null | undefined, AccountState, string | null, boolean]>([
    // Suspended at the provider only (by hand, or before the console): suspended everywhere.
    ['active', null, REASON, 'suspended', REASON, true],
    ['active', null, `  ${REASON.normalize('NFD')} `, 'suspended', REASON, true],
    ['active', null, '', 'suspended', null, true],
    // Both agree: nothing to record.
    ['active', null, null, 'active', null, false],
    ['suspended', 'Vi phạm Điều 5', 'Vi phạm Điều 5', 'suspended', 'Vi phạm Điều 5', false],
    // The console's own reason stays when both say suspended.
    ['suspended', 'Vi phạm Điều 5', 'other words', 'suspended', 'Vi phạm Điều 5', false],
    // The provider never lifts the console's suspension, nor a revocation.
    ['suspended', 'Vi phạm Điều 5', null, 'suspended', 'Vi phạm Điều 5', false],
    ['revoked', null, 'revoked', 'revoked', null, false],
    ['revoked', null, null, 'revoked', null, false],
    // A provider without nologin (LDAP): the store alone.
    ['active', null, undefined, 'active', null, false],
    ['suspended', 'x', undefined, 'suspended', 'x', false],
  ])(
    'store %s (%j), provider %j → %s (%j), changed %s',
    (state, reason, provider, want, wantReason, changed) => {
      expect(reconcileAccountState({ state, reason }, provider)).toEqual({
        state: want,
        reason: wantReason,
        changed,
      });
    },
  );
});
