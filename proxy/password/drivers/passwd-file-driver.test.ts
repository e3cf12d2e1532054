import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verify } from 'unixcrypt';
import { describe, expect, it } from 'vitest';
import { parsePasswdFile } from './passwd-file/format';
import { createPasswdFileDriver } from './passwd-file-driver';
import { DriverError } from './password-driver';

const GIB = 1024 ** 3;

function driverOnTempFile(initial = '') {
  const dir = mkdtempSync(join(tmpdir(), 'bp-passwd-'));
  const usersFile = join(dir, 'users');
  writeFileSync(usersFile, initial);
  return {
    driver: createPasswdFileDriver({ usersFile }),
    read: () => parsePasswdFile(readFileSync(usersFile, 'utf8')),
  };
}

describe('passwd-file driver: creating accounts and quotas', () => {
  it('adds a line with a SHA512-CRYPT hash, the name and unit as gecos, and the quota rule', async () => {
    const { driver, read } = driverOnTempFile('sttt@binhphuoc.gov.vn:{SHA512-CRYPT}$6$x$y::::::\n');
    await driver.createAccount('HoaLT.sttt@binhphuoc.gov.vn', 'Tam#Thoi2026x', {
      name: 'Lê Thị Hoa'.normalize('NFD'),
      unit: 'Sở Thông tin và Truyền thông',
      quotaBytes: 2 * GIB,
    });
    const entries = read();
    expect(entries.map((e) => e.user)).toEqual(['sttt@binhphuoc.gov.vn', 'hoalt.sttt@binhphuoc.gov.vn']);
    const added = entries[1]!;
    expect(added.gecos).toBe('Lê Thị Hoa,Sở Thông tin và Truyền thông');
    expect(added.extraFields).toEqual([['userdb_quota_rule', '*:storage=2G']]);
    expect(added.passwordHash).toMatch(/^\{SHA512-CRYPT\}\$6\$/);
    expect(verify('Tam#Thoi2026x', added.passwordHash.replace('{SHA512-CRYPT}', ''))).toBe(true);
    expect(await driver.listAccounts()).toContainEqual({
      email: 'hoalt.sttt@binhphuoc.gov.vn',
      name: 'Lê Thị Hoa',
      unit: 'Sở Thông tin và Truyền thông',
    });
  });

  it('refuses an address that is already there and leaves its line untouched', async () => {
    const line =
      'thanhtv.sttt@binhphuoc.gov.vn:{SHA512-CRYPT}$6$a$b:::Trần Văn Thanh,Sở:::userdb_quota_rule=*:storage=5G\n';
    const { driver, read } = driverOnTempFile(line);
    const err = await driver
      .createAccount('thanhtv.sttt@binhphuoc.gov.vn', 'Tam#Thoi2026x', {
        name: 'X Y',
        unit: 'Z',
        quotaBytes: 2 * GIB,
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DriverError);
    expect((err as DriverError).reason).toBe('address_exists');
    expect(read()).toHaveLength(1);
    expect(read()[0]!.passwordHash).toBe('{SHA512-CRYPT}$6$a$b');
  });

  it('sets the quota rule of an existing account, keeping its other fields', async () => {
    const { driver, read } = driverOnTempFile(
      'a.sttt@binhphuoc.gov.vn:{SHA512-CRYPT}$6$a$b:::A B,Sở:::userdb_quota_rule=*:storage=2G nologin=y reason=x\n',
    );
    expect(await driver.setQuota('a.sttt@binhphuoc.gov.vn', 3 * GIB)).toBe(true);
    const [entry] = read();
    expect(entry!.extraFields).toContainEqual(['userdb_quota_rule', '*:storage=3G']);
    expect(entry!.extraFields).toContainEqual(['nologin', 'y']);
    expect(entry!.gecos).toBe('A B,Sở');
  });
});

describe('passwd-file driver: the provider’s suspensions', () => {
  it('lists a nologin line with its reason in words, and says nothing of the others', async () => {
    const { driver } = driverOnTempFile(
      [
        'lanhnt.sgddt@binhphuoc.gov.vn:{SHA512-CRYPT}$6$a$b:::Nguyễn Thị Lành,Sở Giáo dục và Đào tạo:::nologin=y reason=Tạm\u00a0khóa\u00a0100%%',
        'thanhtv.sttt@binhphuoc.gov.vn:{SHA512-CRYPT}$6$a$b:::Trần Văn Thanh,Sở:::userdb_quota_rule=*:storage=5G',
        '',
      ].join('\n'),
    );
    const accounts = await driver.listAccounts();
    expect(accounts.find((a) => a.email.startsWith('lanhnt'))?.suspendedReason).toBe('Tạm khóa 100%');
    expect(accounts.find((a) => a.email.startsWith('thanhtv'))).not.toHaveProperty('suspendedReason');
  });
});
