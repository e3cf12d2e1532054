import { Attribute, BerWriter, Client, DN, Filter, FilterParser, ResultCodeError } from 'ldapts';
import { DriverError, type PasswordDriver } from './password-driver';

export interface LdapDriverConfig {
  url: string;
  /** The service account; without it the DN is searched anonymously. */
  bindDn?: string | undefined;
  bindPassword?: string | undefined;
  userBase: string;
  /** `{email}` is replaced by the RFC 4515-escaped address. */
  userFilter: string;
  /** Connect and per-operation limit; a directory that does not answer in time is unreachable. */
  timeoutMs?: number;
}

const PASSWORD_MODIFY_OID = '1.3.6.1.4.1.4203.1.11.1';
const DEFAULT_TIMEOUT_MS = 5_000;
// LDAP result codes busy (51) and unavailable (52): the server is there but not serving, which
// for the caller is the same as not reaching it; every other result code is a refusal.
const UNAVAILABLE_RESULT_CODES = new Set([51, 52]);

/**
 * Sets passwords in an LDAP directory with the Password Modify extended operation (RFC 3062),
 * bound as the service account. The directory hashes the new password with its own scheme
 * (OpenLDAP: olcPasswordHash), so the proxy never chooses or computes a storage format, the
 * directory's password policy (ppolicy) applies, and a server that keeps passwords elsewhere
 * (SASL, Kerberos) still works. A modify of userPassword with a hash made here would need to know
 * the scheme every consumer (Dovecot's passdb, other services) can verify; ldapts 8 sends any
 * extended request (`Client.exop`), so only the request value is built here.
 */
export function createLdapDriver(config: LdapDriverConfig): PasswordDriver {
  if (!config.userFilter.includes('{email}')) {
    throw new Error(`LDAP_USER_FILTER must contain {email} (got ${config.userFilter})`);
  }
  // A malformed filter is a configuration error: fail when the driver is made, not at each change.
  FilterParser.parseString(userFilterFor(config.userFilter, 'probe@example.invalid'));

  return {
    kind: 'ldap',
    async setPassword(email, password) {
      await withServiceBinding(config, `set the password of ${email}`, async (client) => {
        const dn = await findAccountDn(client, config, email);
        await client.exop(PASSWORD_MODIFY_OID, passwordModifyRequest(dn, password));
      });
    },
    // A directory has no standard "nologin"; the policy store refuses a suspended log-in instead.
    async setSuspended() {
      return false;
    },
    async listAccounts() {
      let accounts: { email: string; name: string | null; unit: string | null }[] = [];
      await withServiceBinding(config, 'list the directory', async (client) => {
        const { searchEntries } = await client.search(config.userBase, {
          scope: 'sub',
          filter: userFilterFor(config.userFilter, '*').replace('\\2a', '*'),
          attributes: ['mail', 'cn', 'ou'],
          paged: { pageSize: 500 },
        });
        accounts = searchEntries.flatMap((entry) => {
          const email = first(entry.mail)?.toLowerCase();
          return email ? [{ email, name: first(entry.cn) ?? null, unit: first(entry.ou) ?? null }] : [];
        });
      });
      return accounts;
    },
    async createAccount(email, password, profile) {
      const address = email.toLowerCase();
      const uid = address.slice(0, address.indexOf('@'));
      const dn = `${new DN({ uid }).toString()},${config.userBase}`;
      await withServiceBinding(config, `create ${address}`, async (client) => {
        // The address is the key: an existing entry under another uid is still the same mailbox.
        const existing = await client.search(config.userBase, {
          scope: 'sub',
          filter: userFilterFor(config.userFilter, address),
          attributes: ['1.1'],
          sizeLimit: 1,
        });
        if (existing.searchEntries.length > 0) {
          throw new DriverError('address_exists', `an entry under ${config.userBase} has ${address}`);
        }
        const name = profile.name.normalize('NFC');
        await client.add(dn, [
          new Attribute({ type: 'objectClass', values: ['inetOrgPerson'] }),
          new Attribute({ type: 'uid', values: [uid] }),
          new Attribute({ type: 'mail', values: [address] }),
          new Attribute({ type: 'cn', values: [name] }),
          // inetOrgPerson needs sn; a person's family name is the first word (Đ4.2a's "họ").
          new Attribute({ type: 'sn', values: [name.split(' ')[0] || name] }),
          new Attribute({ type: 'ou', values: [profile.unit.normalize('NFC')] }),
        ]);
        // The directory hashes the password by its own scheme, as for a change (setPassword). An
        // entry left without one would be an address nobody can log in to: taken away again.
        try {
          await client.exop(PASSWORD_MODIFY_OID, passwordModifyRequest(dn, password));
        } catch (err) {
          await client.del(dn).catch(() => undefined);
          throw err;
        }
      });
    },
    // inetOrgPerson has no quota attribute, and deployments differ (mailQuota, a Dovecot
    // userdb override): the console records the quota; the directory's owner applies it.
    async setQuota() {
      return false;
    },
  };
}

function userFilterFor(template: string, email: string): string {
  const escaped = Filter.escape(email);
  // A function, so that `$&` and friends in an address are not replacement patterns.
  return template.replaceAll('{email}', () => escaped);
}

async function withServiceBinding(
  config: LdapDriverConfig,
  doing: string,
  work: (client: Client) => Promise<void>,
): Promise<void> {
  const timeout = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const client = new Client({ url: config.url, timeout, connectTimeout: timeout });
  try {
    if (config.bindDn) await client.bind(config.bindDn, config.bindPassword ?? '');
    await work(client);
  } catch (err) {
    throw toDriverError(err, doing);
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

async function findAccountDn(client: Client, config: LdapDriverConfig, email: string): Promise<string> {
  const { searchEntries } = await client.search(config.userBase, {
    scope: 'sub',
    filter: userFilterFor(config.userFilter, email),
    attributes: ['1.1'],
    sizeLimit: 2,
  });
  const [entry, ...others] = searchEntries;
  if (!entry) {
    throw new DriverError('no_such_account', `no entry under ${config.userBase} matches ${email}`);
  }
  // Two entries for one address is a directory fault; guessing would change a stranger's password.
  if (others.length > 0) {
    throw new DriverError(
      'provider_refused',
      `more than one entry under ${config.userBase} matches ${email}`,
    );
  }
  return entry.dn;
}

/** PasswdModifyRequestValue ::= SEQUENCE { userIdentity [0], oldPasswd [1], newPasswd [2] } (RFC 3062). */
function passwordModifyRequest(userDn: string, newPassword: string): Buffer {
  const writer = new BerWriter();
  writer.startSequence();
  writer.writeString(userDn, 0x80);
  // No oldPasswd: the service account resets it, as an administrator would.
  writer.writeString(newPassword, 0x82);
  writer.endSequence();
  return writer.buffer;
}

function toDriverError(err: unknown, doing: string): DriverError {
  if (err instanceof DriverError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  if (err instanceof ResultCodeError) {
    const reason = UNAVAILABLE_RESULT_CODES.has(err.code) ? 'provider_unreachable' : 'provider_refused';
    return new DriverError(reason, `${doing}: ${detail}`, { cause: err });
  }
  // Anything that is not an LDAP result is the connection: refused, reset, DNS, or a timeout.
  return new DriverError('provider_unreachable', `${doing}: ${detail}`, { cause: err });
}

function first(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v === 'string') return v.normalize('NFC');
  return Buffer.isBuffer(v) ? v.toString('utf8').normalize('NFC') : undefined;
}
