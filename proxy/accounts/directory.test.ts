import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { createAccountStore } from './account-store';
import { createDirectory } from './directory';

describe('address completion', () => {
  it('stops offering an address the console suspends, at once, and offers it again when restored', () => {
    const db = openDatabase(':memory:');
    const directory = createDirectory(db);
    const accounts = createAccountStore(db);
    directory.replaceFromProvider([
      { email: 'hoant.snv@bp', name: 'Nguyễn Thị Hoa', unit: 'Sở Nội vụ' },
      { email: 'hoangvt.snv@bp', name: 'Vũ Thế Hoàng', unit: 'Sở Nội vụ' },
    ]);
    directory.rememberRecipients('thanhtv.sttt@bp', [{ address: 'hoant.snv@bp', name: 'Chị Hoa' }]);
    const found = () => directory.search('thanhtv.sttt@bp', 'hoa').map((c) => `${c.source}:${c.address}`);
    expect(found()).toEqual(['recent:hoant.snv@bp', 'directory:hoangvt.snv@bp']);
    accounts.setState('hoant.snv@bp', 'suspended', 'Phát tán thư rác');
    expect(found()).toEqual(['directory:hoangvt.snv@bp']);
    accounts.setState('hoangvt.snv@bp', 'revoked', 'Nghỉ hưu');
    expect(found()).toEqual([]);
    accounts.setState('hoant.snv@bp', 'active', null);
    expect(found()).toEqual(['recent:hoant.snv@bp']);
  });

  it('adds one new mailbox without dropping the others; a full refresh drops what the provider lost', () => {
    let clock = 0;
    const directory = createDirectory(openDatabase(':memory:'), () => ++clock);
    directory.replaceFromProvider([{ email: 'hoant.snv@bp', name: 'Nguyễn Thị Hoa', unit: 'Sở Nội vụ' }]);
    directory.put([{ email: 'anhdtn.snv@bp', name: 'Đặng Thị Ngọc Ánh', unit: 'Sở Nội vụ' }]);
    expect(
      directory
        .entries()
        .map((e) => e.email)
        .sort(),
    ).toEqual(['anhdtn.snv@bp', 'hoant.snv@bp']);
    expect(directory.search('x@bp', 'ngoc anh').map((c) => c.address)).toEqual(['anhdtn.snv@bp']);
    directory.replaceFromProvider([{ email: 'anhdtn.snv@bp', name: 'Đặng Thị Ngọc Ánh', unit: 'Sở Nội vụ' }]);
    expect(directory.entries().map((e) => e.email)).toEqual(['anhdtn.snv@bp']);
  });
});
