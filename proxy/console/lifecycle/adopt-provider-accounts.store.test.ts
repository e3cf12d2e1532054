import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIFECYCLE_POLICY } from '../../../common/policy/account-lifecycle';
import { type AccountRecord, createAccountStore } from '../../accounts/account-store';
import type { Store } from '../../store/open-store';
import { openTestStore, STORE_ENGINES } from '../../test-support/test-store';
import { adoptProviderAccounts, planLifecycle } from './lifecycle-job';

const at = (iso: string) => new Date(iso);

describe.each(STORE_ENGINES)('accounts known only to the provider, on %s', (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(engine);
  });
  afterEach(() => store.close());

  it('get a policy record from the job, so their six months of silence start counting', async () => {
    const firstSeen = at('2026-01-10T03:00:00Z');
    const accounts = createAccountStore(store.db, () => firstSeen);
    const provider = ['cuhv.budang@binhphuoc.gov.vn', 'thanhtv.sttt@binhphuoc.gov.vn'];
    const passwordDriver = {
      listAccounts: async () => provider.map((email) => ({ email, name: null, unit: null })),
    } as unknown as Parameters<typeof adoptProviderAccounts>[0]['passwordDriver'];
    expect(await accounts.get(provider[0] as string)).toBeUndefined();
    await adoptProviderAccounts({ accounts, passwordDriver });
    const adopted = (await accounts.get(provider[0] as string)) as AccountRecord;
    expect(adopted.createdAt).toEqual(firstSeen);
    const plan = planLifecycle([adopted], at('2026-07-11T00:00:00Z'), DEFAULT_LIFECYCLE_POLICY);
    expect(plan.map((p) => p.kind)).toEqual(['suspend_inactive']);
  });
});
