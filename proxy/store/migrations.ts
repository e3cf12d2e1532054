/** Append-only: a released migration is never edited, a new version is added instead. */
export const migrations: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE sessions (
        id_hash      TEXT PRIMARY KEY,          -- sha256 of the session id: a stolen DB names no cookie
        email        TEXT NOT NULL,
        secret_box   BLOB NOT NULL,             -- provider password, AES-256-GCM under a key only the cookie holds
        csrf_token   TEXT NOT NULL,
        created_at   INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        expires_at   INTEGER NOT NULL,
        ip           TEXT,
        user_agent   TEXT
      );
      CREATE INDEX sessions_email ON sessions(email);
      CREATE INDEX sessions_expires ON sessions(expires_at);
    `,
  },
  {
    version: 2,
    sql: `
      CREATE TABLE login_failures (
        key TEXT NOT NULL,                       -- 'acct:<email>|ip:<ip>' or 'ip:<ip>'
        at  INTEGER NOT NULL
      );
      CREATE INDEX login_failures_key ON login_failures(key, at);
    `,
  },
  {
    version: 3,
    sql: `
      CREATE TABLE audit_log (
        id      INTEGER PRIMARY KEY AUTOINCREMENT,
        at      INTEGER NOT NULL,
        actor   TEXT NOT NULL,                  -- who did it: the user, an admin, or 'system'
        email   TEXT NOT NULL,                  -- whose account it concerns
        action  TEXT NOT NULL,
        outcome TEXT NOT NULL,                  -- 'ok' or an error code
        ip      TEXT,
        details TEXT                            -- JSON; never a password, never a body
      );
      CREATE INDEX audit_log_email_at ON audit_log(email, at);
      CREATE INDEX audit_log_at ON audit_log(at);
      -- Append-only: entries are never edited; only the retention purge deletes (R-7.1).
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `,
  },
  {
    version: 4,
    sql: `
      -- Policy state the provider does not keep (R-6, R-13.3). No password here, ever.
      CREATE TABLE accounts (
        email                TEXT PRIMARY KEY,
        state                TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'suspended', 'revoked')),
        state_reason         TEXT,
        state_changed_at     INTEGER,
        -- When the password was last set through the proxy or the admin command; for an account
        -- first seen at log-in, the time it was first seen (the provider does not tell).
        password_changed_at  INTEGER NOT NULL,
        -- 1 after an admin reset (R-6.3c): the next session may only change the password.
        must_change_password INTEGER NOT NULL DEFAULT 0,
        created_at           INTEGER NOT NULL
      );
      -- Earlier passwords as scrypt hashes, so that the last N cannot be chosen again (Điều 9).
      CREATE TABLE password_history (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        email      TEXT NOT NULL,
        hash       TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX password_history_email ON password_history(email, id);
    `,
  },
  {
    version: 5,
    sql: `
      -- Quota warnings put into mailboxes (R-7.2c): at most one per level per repeat period.
      CREATE TABLE quota_warnings (
        email   TEXT NOT NULL,
        level   TEXT NOT NULL,
        percent REAL NOT NULL,
        sent_at INTEGER NOT NULL
      );
      CREATE INDEX quota_warnings_email ON quota_warnings(email, sent_at);
    `,
  },
  {
    version: 6,
    sql: `
      -- Per-user preferences the provider has no place for (conversation view, senders whose
      -- remote images are always shown, signature…). One JSON value per key.
      CREATE TABLE user_settings (
        email      TEXT NOT NULL,
        key        TEXT NOT NULL,
        value      TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (email, key)
      );
    `,
  },
  {
    version: 7,
    sql: `
      -- Idempotent send (issue 4): a retried send with the same key returns the first result
      -- instead of sending twice.
      CREATE TABLE send_keys (
        email      TEXT NOT NULL,
        key        TEXT NOT NULL,
        state      TEXT NOT NULL CHECK (state IN ('sending', 'sent', 'failed')),
        message_id TEXT,
        result     TEXT,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (email, key)
      );
      CREATE INDEX send_keys_created ON send_keys(created_at);
    `,
  },
  {
    version: 8,
    sql: `
      -- The province directory as the provider knows it (name, unit), refreshed by the proxy; the
      -- admin console (issue 6) will own it. Searched for address completion.
      CREATE TABLE directory (
        email      TEXT PRIMARY KEY,
        name       TEXT,
        unit       TEXT,
        folded     TEXT NOT NULL,              -- name, unit and address without diacritics, for search
        updated_at INTEGER NOT NULL
      );
      -- Addresses a user has written to (address completion), never the messages themselves.
      CREATE TABLE recent_recipients (
        owner     TEXT NOT NULL,
        address   TEXT NOT NULL,
        name      TEXT,
        folded    TEXT NOT NULL,
        uses      INTEGER NOT NULL DEFAULT 1,
        last_used INTEGER NOT NULL,
        PRIMARY KEY (owner, address)
      );
      -- R-5.3b: sending can be locked on its own (the account still reads mail).
      ALTER TABLE accounts ADD COLUMN sending_locked_reason TEXT;
    `,
  },
];
