import { Attribute, Change, Client, EqualityFilter, InvalidCredentialsError } from 'ldapts';
import { encrypt } from 'unixcrypt';

/**
 * The private slapd of scripts/ldap (ldap.sh): where it listens, its accounts, and what the
 * integration tests need to look at it from outside the driver. ldap-env.sh holds the same values
 * for the shell side, so change both together. Development secrets for a loopback directory only.
 */
const suffix = 'dc=binhphuoc,dc=gov,dc=vn';

export const ldapEnv = {
  url: 'ldap://127.0.0.1:1389',
  suffix,
  rootDn: `cn=admin,${suffix}`,
  rootPassword: 'Admin#Ldap2026',
  /** The webmail's own account: reads ou=people and writes userPassword there, nothing else. */
  serviceDn: `cn=webmail,ou=services,${suffix}`,
  servicePassword: 'Webmail#Ldap2026',
  userBase: `ou=people,${suffix}`,
  userFilter: '(mail={email})',
} as const;

/** What config.ts would give the ldap driver for this directory (PASSWORD_DRIVER=ldap). */
export const ldapDriverConfig = {
  url: ldapEnv.url,
  bindDn: ldapEnv.serviceDn,
  bindPassword: ldapEnv.servicePassword,
  userBase: ldapEnv.userBase,
  userFilter: ldapEnv.userFilter,
};

const TIMEOUT_MS = 5_000;

async function asRoot<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ url: ldapEnv.url, timeout: TIMEOUT_MS, connectTimeout: TIMEOUT_MS });
  try {
    await client.bind(ldapEnv.rootDn, ldapEnv.rootPassword);
    return await work(client);
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

/** The DN of the person whose `mail` is the address; throws when there is not exactly one. */
export async function personDn(email: string): Promise<string> {
  return asRoot(async (client) => {
    const { searchEntries } = await client.search(ldapEnv.userBase, {
      scope: 'sub',
      filter: new EqualityFilter({ attribute: 'mail', value: email }),
      attributes: ['1.1'],
    });
    const [entry, ...others] = searchEntries;
    if (!entry || others.length > 0) {
      throw new Error(`${searchEntries.length} entries under ${ldapEnv.userBase} have mail=${email}`);
    }
    return entry.dn;
  });
}

/**
 * Sets a person's password behind the driver's back, as the root DN, with a hash made here: a
 * test's starting point that does not depend on the Password Modify operation under test.
 */
export async function setLdapTestPassword(email: string, password: string): Promise<void> {
  const dn = await personDn(email);
  await asRoot((client) =>
    client.modify(
      dn,
      new Change({
        operation: 'replace',
        modification: new Attribute({ type: 'userPassword', values: [`{CRYPT}${encrypt(password)}`] }),
      }),
    ),
  );
}

/** The userPassword values as stored, for checking that the directory hashed them. */
export async function storedUserPasswords(email: string): Promise<string[]> {
  const dn = await personDn(email);
  return asRoot(async (client) => {
    const { searchEntries } = await client.search(dn, { scope: 'base', attributes: ['userPassword'] });
    const values = searchEntries[0]?.userPassword ?? [];
    return (Array.isArray(values) ? values : [values]).map((v) => v.toString());
  });
}

/**
 * Whether a simple bind with this password succeeds, the way a mail server's LDAP passdb would
 * check a log-in. Takes a DN, or an address to look the DN up by.
 */
export async function ldapBindWorks(dnOrEmail: string, password: string): Promise<boolean> {
  const dn = dnOrEmail.includes('=') ? dnOrEmail : await personDn(dnOrEmail);
  const client = new Client({ url: ldapEnv.url, timeout: TIMEOUT_MS, connectTimeout: TIMEOUT_MS });
  try {
    await client.bind(dn, password);
    return true;
  } catch (err) {
    if (err instanceof InvalidCredentialsError) return false;
    throw err;
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

/** Removes the people whose `mail` is the address (a test's own accounts), as the root DN. */
export async function removeLdapPerson(email: string): Promise<void> {
  await asRoot(async (client) => {
    const { searchEntries } = await client.search(ldapEnv.userBase, {
      scope: 'sub',
      filter: new EqualityFilter({ attribute: 'mail', value: email }),
      attributes: ['1.1'],
    });
    for (const entry of searchEntries) await client.del(entry.dn);
  });
}
