import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/open-store';
import { openTestStore, STORE_ENGINES } from '../test-support/test-store';
import { createAccountStore } from './account-store';
import { createDirectory } from './directory';

describe.each(STORE_ENGINES)('address completion on %s', (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(engine);
  });
  afterEach(() => store.close());

  it('stops offering an address the console suspends, at once, and offers it again when restored', async () => {
    const db = store.db;
    const directory = createDirectory(db);
    const accounts = createAccountStore(db);
    await directory.replaceFromProvider([
      { email: 'hoant.snv@bp', name: 'Nguyễn Thị Hoa', unit: 'Sở Nội vụ' },
      { email: 'hoangvt.snv@bp', name: 'Vũ Thế Hoàng', unit: 'Sở Nội vụ' },
    ]);
    await directory.rememberRecipients('thanhtv.sttt@bp', [{ address: 'hoant.snv@bp', name: 'Chị Hoa' }]);
    const found = async () =>
      (await directory.search('thanhtv.sttt@bp', 'hoa')).map((c) => `${c.source}:${c.address}`);
    expect(await found()).toEqual(['recent:hoant.snv@bp', 'directory:hoangvt.snv@bp']);
    await accounts.setState('hoant.snv@bp', 'suspended', 'Phát tán thư rác');
    expect(await found()).toEqual(['directory:hoangvt.snv@bp']);
    await accounts.setState('hoangvt.snv@bp', 'revoked', 'Nghỉ hưu');
    expect(await found()).toEqual([]);
    await accounts.setState('hoant.snv@bp', 'active', null);
    expect(await found()).toEqual(['recent:hoant.snv@bp']);
  });

  it('adds one new mailbox without dropping the others; a full refresh drops what the provider lost', async () => {
    let clock = 0;
    const directory = createDirectory(store.db, () => ++clock);
    await directory.replaceFromProvider([
      { email: 'hoant.snv@bp', name: 'Nguyễn Thị Hoa', unit: 'Sở Nội vụ' },
    ]);
    await directory.put([{ email: 'anhdtn.snv@bp', name: 'Đặng Thị Ngọc Ánh', unit: 'Sở Nội vụ' }]);
    expect((await directory.entries()).map((e) => e.email).sort()).toEqual(['anhdtn.snv@bp', 'hoant.snv@bp']);
    expect((await directory.search('x@bp', 'ngoc anh')).map((c) => c.address)).toEqual(['anhdtn.snv@bp']);
    await directory.replaceFromProvider([
      { email: 'anhdtn.snv@bp', name: 'Đặng Thị Ngọc Ánh', unit: 'Sở Nội vụ' },
    ]);
    expect((await directory.entries()).map((e) => e.email)).toEqual(['anhdtn.snv@bp']);
  });

  it('matches regardless of the case and tones typed, on both engines', async () => {
    const directory = createDirectory(store.db);
    await directory.replaceFromProvider([
      { email: 'HoaNT.snv@bp', name: 'Nguyễn Thị Hoa', unit: 'Sở Nội vụ' },
    ]);
    for (const typed of ['HOA', 'nguyen thi', 'Nguyễn THỊ', 'SỞ NỘI', 'hoant.SNV']) {
      expect((await directory.search('x@bp', typed)).map((c) => c.address)).toEqual(['HoaNT.snv@bp']);
    }
    expect(await directory.search('x@bp', 'h_a')).toEqual([]);
  });
});
