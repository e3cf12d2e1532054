/**
 * How the proxy changes what the mail provider knows about an account. The provider stays the one
 * authority for passwords (log-in is an IMAP LOGIN); a driver only writes to it. One interface,
 * chosen by PASSWORD_DRIVER: `passwd-file` for a Dovecot passdb file, `ldap` for a directory.
 */
export interface PasswordDriver {
  readonly kind: 'passwd-file' | 'ldap';
  /**
   * Sets the account's password. Resolves only once the provider's next log-in accepts the new
   * password (and refuses the old one). Throws DriverError when the provider did not take it:
   * then the old password is still the valid one.
   */
  setPassword(email: string, password: string): Promise<void>;
  /**
   * Đ6.1 at the provider, where the driver can express it (passwd-file: `nologin` + reason):
   * a reason suspends, null restores. Returns false when the provider has no such notion; the
   * policy store still refuses the log-in then.
   */
  setSuspended(email: string, reason: string | null): Promise<boolean>;
  /**
   * Every account the provider knows, with the name and unit it records: the province directory
   * for address completion until the admin console keeps its own (issue 6).
   */
  listAccounts(): Promise<ProviderAccount[]>;
  /**
   * Đ5.3a: a new mailbox at the provider with a temporary password, its holder's name and unit
   * and its quota. Resolves once the next log-in accepts the password. Throws DriverError
   * ('address_exists' when the provider already has the address): then nothing was created.
   */
  createAccount(email: string, password: string, profile: NewProviderAccount): Promise<void>;
  /**
   * Đ7.2b: the mailbox's storage limit at the provider. Returns false when the provider keeps
   * quotas elsewhere (a directory without a quota attribute): the console records it only.
   */
  setQuota(email: string, bytes: number): Promise<boolean>;
}

export interface NewProviderAccount {
  /** Full name (NFC), e.g. "Trần Văn Thanh", or the unit's official name for a unit mailbox. */
  name: string;
  /** The unit's official name, as the directory shows it. */
  unit: string;
  quotaBytes: number;
}

export interface ProviderAccount {
  email: string;
  name: string | null;
  unit: string | null;
  /**
   * Đ6.1 as the provider enforces it: present only when it refuses the log-in (passwd-file
   * `nologin`), with the reason it gives; a directory without nologin never sets it.
   */
  suspendedReason?: string;
}

/** The provider refused or could not be reached; `reason` is for the log, never for the user. */
export class DriverError extends Error {
  constructor(
    readonly reason: 'no_such_account' | 'address_exists' | 'provider_refused' | 'provider_unreachable',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
