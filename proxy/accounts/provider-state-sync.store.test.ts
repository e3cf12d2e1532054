import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog } from '../audit/audit-log';
import type { Store } from '../store/open-store';
import { openTestStore, STORE_ENGINES } from '../test-support/test-store';
import { createAccountStore } from './account-store';
import { PROVIDER_ACTOR, reconcileProviderStates, reconcileWithProvider } from './provider-state-sync';

const REASON = 'Tạm khóa do không hoạt động quá 6 tháng (Điều 6.2a)';

describe.each(STORE_ENGINES)('the store learns the provider’s suspensions, on %s', (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(engine);
  });
  afterEach(() => store.close());

  it('records a mailbox suspended at the provider once, with its reason, its history and an audit entry', async () => {
    const accounts = createAccountStore(store.db);
    const audit = createAuditLog(store.db);
    await accounts.ensure('thanhtv.sttt@bp');
    const provider = [
      { email: 'lanhnt.sgddt@bp', name: 'Nguyễn Thị Lành', unit: null, suspendedReason: REASON },
      { email: 'thanhtv.sttt@bp', name: null, unit: null },
    ];
    expect(await reconcileProviderStates({ accounts, audit }, provider)).toBe(1);
    expect(await reconcileProviderStates({ accounts, audit }, provider)).toBe(0);

    expect(await accounts.get('lanhnt.sgddt@bp')).toMatchObject({ state: 'suspended', stateReason: REASON });
    expect(await accounts.get('thanhtv.sttt@bp')).toMatchObject({ state: 'active' });
    expect((await accounts.stateHistory('lanhnt.sgddt@bp')).map((h) => h.state)).toEqual(['suspended']);
    const { entries } = await audit.query({}, { offset: 0, limit: 10 });
    expect(entries).toEqual([
      expect.objectContaining({
        actor: PROVIDER_ACTOR,
        email: 'lanhnt.sgddt@bp',
        action: 'account_state',
        details: { from: 'active', to: 'suspended', source: 'provider', reason: REASON },
      }),
    ]);
  });

  it('never lifts the console’s suspension nor a revocation, and keeps the console’s reason', async () => {
    const accounts = createAccountStore(store.db);
    const audit = createAuditLog(store.db);
    await accounts.setState('a@bp', 'suspended', 'Vi phạm Điều 5');
    await accounts.setState('b@bp', 'revoked', null);
    expect(await reconcileWithProvider({ accounts, audit }, 'a@bp', 'khác')).toBe(false);
    expect(await reconcileWithProvider({ accounts, audit }, 'a@bp', undefined)).toBe(false);
    expect(await reconcileWithProvider({ accounts, audit }, 'b@bp', 'revoked')).toBe(false);
    expect(await accounts.get('a@bp')).toMatchObject({ state: 'suspended', stateReason: 'Vi phạm Điều 5' });
    expect(await accounts.get('b@bp')).toMatchObject({ state: 'revoked' });
  });
});
