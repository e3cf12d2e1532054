import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/open-store';
import { openTestStore, STORE_ENGINES } from '../test-support/test-store';
import { createSettingsStore } from './settings-store';
import { readUserSettings, updateUserSettings } from './user-settings';

describe.each(STORE_ENGINES)('settings store (%s)', (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(engine);
  });
  afterEach(async () => {
    await store.close();
  });

  it('keeps one JSON value per user and key, the address in any case', async () => {
    let now = 1_000;
    const settings = createSettingsStore(store.db, () => now);
    expect(await settings.get('thanhtv.sttt@binhphuoc.gov.vn', 'conversationView')).toBeUndefined();
    await settings.set('ThanhTV.Sttt@binhphuoc.gov.vn', 'conversationView', true);
    now = 2_000;
    await settings.set('thanhtv.sttt@binhphuoc.gov.vn', 'signature', '<p>Trần Văn Thành</p>');
    await settings.set('thanhtv.sttt@binhphuoc.gov.vn', 'conversationView', false);
    expect(await settings.get('thanhtv.sttt@binhphuoc.gov.vn', 'conversationView')).toBe(false);
    expect(await settings.getAll('THANHTV.STTT@binhphuoc.gov.vn')).toEqual({
      conversationView: false,
      signature: '<p>Trần Văn Thành</p>',
    });
    expect(await settings.get('someone.else@binhphuoc.gov.vn', 'conversationView')).toBeUndefined();
    const rows = await store.db.selectFrom('user_settings').select(['email', 'updated_at']).execute();
    expect(rows).toEqual([
      { email: 'thanhtv.sttt@binhphuoc.gov.vn', updated_at: 2_000 },
      { email: 'thanhtv.sttt@binhphuoc.gov.vn', updated_at: 2_000 },
    ]);
  });

  it('reads the user settings back, dropping a stored value that no longer fits its schema', async () => {
    const settings = createSettingsStore(store.db);
    const email = 'thanhtv.sttt@binhphuoc.gov.vn';
    expect(await updateUserSettings(settings, email, { conversationView: true, signature: 'Thành' })).toEqual(
      {
        conversationView: true,
        signature: 'Thành',
      },
    );
    await settings.set(email, 'conversationView', 'yes please');
    expect(await readUserSettings(settings, email)).toEqual({ signature: 'Thành' });
  });
});
