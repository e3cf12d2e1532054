/**
 * Prints the LDIF that ldap.sh loads (slapadd) into a fresh directory: the suffix, ou=people with
 * one inetOrgPerson per demo account of scripts/seed/accounts.json (same address and password as
 * the mail stack), and the webmail's service account under ou=services.
 */
import { encrypt } from 'unixcrypt';
import { readDemoAccounts } from '../seed/demo-accounts';
import { ldapEnv } from './ldap-env';

type Entry = [attribute: string, value: string][];

// RFC 2849: a value that is not plain ASCII, or starts with a space, ':' or '<', goes as base64.
// Names are Vietnamese (UTF-8, NFC per Đ11.1), so most cn/sn values take this path.
function ldifLine(attribute: string, value: string): string {
  if (/^[\x21-\x39\x3b\x3d-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(value)) return `${attribute}: ${value}`;
  return `${attribute}:: ${Buffer.from(value.normalize('NFC'), 'utf8').toString('base64')}`;
}

function hashed(password: string): string {
  return `{CRYPT}${encrypt(password)}`;
}

function personEntry(email: string, displayName: string, unitName: string, password: string): Entry {
  const uid = email.slice(0, email.indexOf('@'));
  const words = displayName.split(' ');
  // Đ4: a person's address is given name + initials + '.' + unit; a unit's has no dot.
  const isPerson = uid.includes('.');
  const entry: Entry = [
    ['dn', `uid=${uid},${ldapEnv.userBase}`],
    ['objectClass', 'inetOrgPerson'],
    ['uid', uid],
    ['mail', email],
    ['cn', displayName],
    ['sn', isPerson ? (words[0] ?? displayName) : displayName],
  ];
  if (isPerson && words.length > 1) entry.push(['givenName', words.at(-1) ?? displayName]);
  entry.push(['ou', unitName], ['userPassword', hashed(password)]);
  return entry;
}

const entries: Entry[] = [
  [
    ['dn', ldapEnv.suffix],
    ['objectClass', 'dcObject'],
    ['objectClass', 'organization'],
    ['dc', 'binhphuoc'],
    ['o', 'Ủy ban nhân dân tỉnh Bình Phước'],
  ],
  [
    ['dn', ldapEnv.userBase],
    ['objectClass', 'organizationalUnit'],
    ['ou', 'people'],
  ],
  [
    ['dn', `ou=services,${ldapEnv.suffix}`],
    ['objectClass', 'organizationalUnit'],
    ['ou', 'services'],
  ],
  [
    ['dn', ldapEnv.serviceDn],
    ['objectClass', 'organizationalRole'],
    ['objectClass', 'simpleSecurityObject'],
    ['cn', 'webmail'],
    ['description', 'Webmail proxy: finds people by mail, sets their passwords'],
    ['userPassword', hashed(ldapEnv.servicePassword)],
  ],
  ...readDemoAccounts().map((a) => personEntry(a.email, a.displayName, a.unitName, a.password)),
];

process.stdout.write(
  `${entries.map((entry) => entry.map(([attribute, value]) => ldifLine(attribute, value)).join('\n')).join('\n\n')}\n`,
);
