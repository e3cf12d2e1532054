import type { Config } from '../../config';
import { createPasswdFileDriver } from './passwd-file-driver';
import type { PasswordDriver } from './password-driver';

/** The driver PASSWORD_DRIVER names. The ldap driver is loaded only where it is configured. */
export function createPasswordDriver(config: Config['passwordDriver']): PasswordDriver {
  switch (config.kind) {
    case 'passwd-file':
      return createPasswdFileDriver({ usersFile: config.path, denyDir: config.denyDir });
    case 'ldap':
      return lazyLdapDriver(config);
  }
}

function lazyLdapDriver(config: Extract<Config['passwordDriver'], { kind: 'ldap' }>): PasswordDriver {
  const driver = import('./ldap-driver').then((m) => m.createLdapDriver(config));
  return {
    kind: 'ldap',
    setPassword: async (email, password) => (await driver).setPassword(email, password),
    setSuspended: async (email, reason) => (await driver).setSuspended(email, reason),
    listAccounts: async () => (await driver).listAccounts(),
    createAccount: async (email, password, profile) => (await driver).createAccount(email, password, profile),
    setQuota: async (email, bytes) => (await driver).setQuota(email, bytes),
  };
}
