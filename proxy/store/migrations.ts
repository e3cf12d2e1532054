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
];
