import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ldapBindWorks,
  ldapDriverConfig,
  removeLdapPerson,
  setLdapTestPassword,
  storedUserPasswords,
} from '../../../scripts/ldap/ldap-env';
import { findDemoAccount } from '../../../scripts/seed/demo-accounts';
import { createLdapDriver } from './ldap-driver';
import { DriverError } from './password-driver';

// Against the private slapd of scripts/ldap (test-all.sh starts it; started here when run alone).
const LDAP_SCRIPT = fileURLToPath(new URL('../../../scripts/ldap/ldap.sh', import.meta.url));
const THANH = findDemoAccount('thanhtv.sttt@binhphuoc.gov.vn');
const HANH = findDemoAccount('hanhntm.sttt@binhphuoc.gov.vn');

/** Đ9: 8+ characters, upper, lower, digit and one of ! @ # % $ * &; new on every call. */
function uniquePassword(): string {
  return `Ldap#${randomBytes(4).toString('hex')}9Z`;
}

async function driverErrorOf(promise: Promise<unknown>): Promise<DriverError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DriverError);
  return err as DriverError;
}

async function resetDemoPasswords(): Promise<void> {
  await setLdapTestPassword(THANH.email, THANH.password);
  await setLdapTestPassword(HANH.email, HANH.password);
}

beforeAll(() => {
  execFileSync('bash', [LDAP_SCRIPT, 'start'], { stdio: ['ignore', 'ignore', 'pipe'] });
});
beforeEach(resetDemoPasswords);
// The directory is shared with development: leave the demo passwords as accounts.json says.
afterAll(resetDemoPasswords);

describe('ldap driver against a real slapd', () => {
  const driver = createLdapDriver(ldapDriverConfig);

  it('changes the password: the new one binds, the old one no longer does', async () => {
    const next = uniquePassword();
    await driver.setPassword(THANH.email, next);
    expect(await ldapBindWorks(THANH.email, next)).toBe(true);
    expect(await ldapBindWorks(THANH.email, THANH.password)).toBe(false);
  });

  it('leaves the hashing to the directory: userPassword is stored as SHA-512 crypt, never plaintext', async () => {
    const next = uniquePassword();
    await driver.setPassword(THANH.email, next);
    const stored = await storedUserPasswords(THANH.email);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatch(/^\{CRYPT\}\$6\$[./0-9A-Za-z]{16}\$[./0-9A-Za-z]{86}$/);
    expect(stored[0]).not.toContain(next);
  });

  it('refuses an address no entry has with no_such_account', async () => {
    const err = await driverErrorOf(
      driver.setPassword('khongtontai.sttt@binhphuoc.gov.vn', uniquePassword()),
    );
    expect(err.reason).toBe('no_such_account');
  });

  it.each(['*', '*)(mail=*', 'thanhtv*', `${THANH.email})(|(mail=*`, 'thanhtv.sttt@binhphuoc.gov.vn\\'])(
    'matches nobody with the filter metacharacters of %s',
    async (address) => {
      const err = await driverErrorOf(driver.setPassword(address, uniquePassword()));
      expect(err.reason).toBe('no_such_account');
      expect(await ldapBindWorks(THANH.email, THANH.password)).toBe(true);
      expect(await ldapBindWorks(HANH.email, HANH.password)).toBe(true);
    },
  );

  it('keeps the old password when the service account is refused (provider_refused)', async () => {
    const wrong = createLdapDriver({ ...ldapDriverConfig, bindPassword: 'Wrong#Pass2026' });
    const err = await driverErrorOf(wrong.setPassword(HANH.email, uniquePassword()));
    expect(err.reason).toBe('provider_refused');
    expect(await ldapBindWorks(HANH.email, HANH.password)).toBe(true);
  });

  it('searches anonymously without a bindDn; a directory hiding ou=people refuses (provider_refused)', async () => {
    const anonymous = createLdapDriver({ ...ldapDriverConfig, bindDn: undefined, bindPassword: undefined });
    const err = await driverErrorOf(anonymous.setPassword(HANH.email, uniquePassword()));
    // slapd answers noSuchObject for a base that anonymous may not see.
    expect(err.reason).toBe('provider_refused');
    expect(await ldapBindWorks(HANH.email, HANH.password)).toBe(true);
  });

  it('reports a closed port as provider_unreachable', async () => {
    const port = await closedPort();
    const offline = createLdapDriver({ ...ldapDriverConfig, url: `ldap://127.0.0.1:${port}` });
    const err = await driverErrorOf(offline.setPassword(HANH.email, uniquePassword()));
    expect(err.reason).toBe('provider_unreachable');
  });

  it('gives up on a server that accepts and never answers (provider_unreachable)', async () => {
    const silent = await silentServer();
    try {
      const stuck = createLdapDriver({ ...ldapDriverConfig, url: silent.url, timeoutMs: 300 });
      const startedAt = Date.now();
      const err = await driverErrorOf(stuck.setPassword(HANH.email, uniquePassword()));
      expect(err.reason).toBe('provider_unreachable');
      expect(Date.now() - startedAt).toBeLessThan(3_000);
    } finally {
      await silent.stop();
    }
  });

  it('lists the directory with Vietnamese names and units for address completion', async () => {
    const accounts = await driver.listAccounts();
    expect(accounts).toContainEqual({
      email: THANH.email,
      name: 'Trần Văn Thanh',
      unit: 'Sở Thông tin và Truyền thông',
    });
    expect(accounts.length).toBeGreaterThanOrEqual(7);
  });

  it('has no standard suspension to set: setSuspended reports false', async () => {
    expect(await driver.setSuspended(HANH.email, 'Nghỉ hưu')).toBe(false);
  });

  it('creates a person whose temporary password binds, with name and unit in the directory', async () => {
    const email = `hoalt${randomBytes(3).toString('hex')}.sttt@binhphuoc.gov.vn`;
    const password = uniquePassword();
    try {
      // NFD input, as pasted from macOS: the directory gets NFC.
      await driver.createAccount(email, password, {
        name: 'Lê Thị Hoa'.normalize('NFD'),
        unit: 'Sở Thông tin và Truyền thông',
        quotaBytes: 2 * 1024 ** 3,
      });
      expect(await ldapBindWorks(email, password)).toBe(true);
      expect(await ldapBindWorks(email, uniquePassword())).toBe(false);
      const stored = await storedUserPasswords(email);
      expect(stored[0]).toMatch(/^\{CRYPT\}\$6\$/);
      expect(await driver.listAccounts()).toContainEqual({
        email,
        name: 'Lê Thị Hoa',
        unit: 'Sở Thông tin và Truyền thông',
      });
      // An address the directory has is refused, and its password stays.
      const again = await driverErrorOf(
        driver.createAccount(email, uniquePassword(), { name: 'Lê Thị Hoa', unit: 'x', quotaBytes: 1 }),
      );
      expect(again.reason).toBe('address_exists');
      expect(await ldapBindWorks(email, password)).toBe(true);
    } finally {
      await removeLdapPerson(email);
    }
  });

  it('refuses to create a demo address that exists under its uid (address_exists)', async () => {
    const err = await driverErrorOf(
      driver.createAccount(HANH.email, uniquePassword(), { name: 'X Y', unit: 'Z', quotaBytes: 1 }),
    );
    expect(err.reason).toBe('address_exists');
    expect(await ldapBindWorks(HANH.email, HANH.password)).toBe(true);
  });

  it('keeps no quota attribute: setQuota reports false', async () => {
    expect(await driver.setQuota(HANH.email, 3 * 1024 ** 3)).toBe(false);
  });

  it('refuses a filter without {email} when the driver is made', () => {
    expect(() => createLdapDriver({ ...ldapDriverConfig, userFilter: '(mail=*)' })).toThrow(/\{email\}/);
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Accepts connections and never says a word, like a directory behind a stalled firewall. */
async function silentServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ldap://127.0.0.1:${port}`,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
