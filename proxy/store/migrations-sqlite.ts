/**
 * The SQLite schema, version by version. Append-only: a released migration is never edited, a new
 * version is added instead, here and in migrations-postgres.ts with the same number.
 */
export const sqliteMigrations: { version: number; sql: string }[] = [
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
      -- Append-only: entries are never edited; only the retention purge deletes (Đ7.1).
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `,
  },
  {
    version: 4,
    sql: `
      -- Policy state the provider does not keep (Đ6, Đ13.3). No password here, ever.
      CREATE TABLE accounts (
        email                TEXT PRIMARY KEY,
        state                TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'suspended', 'revoked')),
        state_reason         TEXT,
        state_changed_at     INTEGER,
        -- When the password was last set through the proxy or the admin command; for an account
        -- first seen at log-in, the time it was first seen (the provider does not tell).
        password_changed_at  INTEGER NOT NULL,
        -- 1 after an admin reset (Đ6.3c): the next session may only change the password.
        must_change_password INTEGER NOT NULL DEFAULT 0,
        created_at           INTEGER NOT NULL
      );
      -- Earlier passwords as scrypt hashes, so that the last N cannot be chosen again (Đ9).
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
      -- Quota warnings put into mailboxes (Đ7.2c): at most one per level per repeat period.
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
      -- Đ5.3b: sending can be locked on its own (the account still reads mail).
      ALTER TABLE accounts ADD COLUMN sending_locked_reason TEXT;
    `,
  },
  {
    version: 9,
    sql: `
      -- Issue 6, the Sở TT&TT console. Everything the console keeps beside the provider.
      -- The unit tree (Đ4.1): province → departments/districts → divisions/communes, with the short
      -- code used in addresses (thanhtv.sttt@…). Codes are unique province-wide (Đ4.1).
      CREATE TABLE units (
        code        TEXT PRIMARY KEY,
        name        TEXT NOT NULL,               -- official Vietnamese name, NFC
        parent_code TEXT REFERENCES units(code),
        level       TEXT NOT NULL CHECK (level IN ('province', 'department', 'district', 'division', 'commune')),
        mailbox     TEXT,                        -- the unit's own mailbox (Đ4.1), when it has one
        website     TEXT,                        -- where its directory is published (Đ12.5)
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL
      );
      CREATE INDEX units_parent ON units(parent_code);

      -- What the console knows of an account besides its password state.
      ALTER TABLE accounts ADD COLUMN full_name TEXT;
      ALTER TABLE accounts ADD COLUMN unit_code TEXT;
      ALTER TABLE accounts ADD COLUMN kind TEXT NOT NULL DEFAULT 'personal' CHECK (kind IN ('personal', 'unit'));
      ALTER TABLE accounts ADD COLUMN title TEXT;                 -- chức vụ, as printed in the directory
      -- Console roles: 'admin' (Sở TT&TT), 'unit_manager' (read-only, own unit subtree), 'user'.
      ALTER TABLE accounts ADD COLUMN role TEXT NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'unit_manager', 'admin'));
      ALTER TABLE accounts ADD COLUMN quota_bytes INTEGER;
      ALTER TABLE accounts ADD COLUMN provisioned_by TEXT;        -- the admin who created it in the console
      ALTER TABLE accounts ADD COLUMN name_override_reason TEXT;  -- Đ4 not followed, and why
      ALTER TABLE accounts ADD COLUMN first_login_at INTEGER;
      ALTER TABLE accounts ADD COLUMN last_login_at INTEGER;
      ALTER TABLE accounts ADD COLUMN last_sent_at INTEGER;
      -- Đ5.3b: departure (official date in Viet Nam, yyyy-mm-dd), level and reason.
      ALTER TABLE accounts ADD COLUMN departure_on TEXT;
      ALTER TABLE accounts ADD COLUMN departure_level TEXT CHECK (departure_level IN ('staff', 'head'));
      ALTER TABLE accounts ADD COLUMN departure_reason TEXT CHECK (departure_reason IN ('retired', 'resigned', 'transferred_out'));
      -- Đ6.2a: a reason given keeps an inactive mailbox open (until the date, or for good if null).
      ALTER TABLE accounts ADD COLUMN inactivity_exempt_reason TEXT;
      ALTER TABLE accounts ADD COLUMN inactivity_exempt_until INTEGER;
      -- Before revocation the mailbox is exported; the archive's file name under DATA_DIR/exports.
      ALTER TABLE accounts ADD COLUMN exported_at INTEGER;
      ALTER TABLE accounts ADD COLUMN export_file TEXT;
      -- Đ6.3a: a request to restore, as received.
      ALTER TABLE accounts ADD COLUMN restore_requested_at INTEGER;
      CREATE INDEX accounts_unit ON accounts(unit_code);

      -- Every state change with its time, for the six-monthly report (suspended during a period).
      CREATE TABLE account_state_history (
        id      INTEGER PRIMARY KEY AUTOINCREMENT,
        email   TEXT NOT NULL,
        state   TEXT NOT NULL,
        reason  TEXT,
        at      INTEGER NOT NULL
      );
      CREATE INDEX account_state_history_email ON account_state_history(email, at);

      -- The console's second factor (TOTP, RFC 6238) and its one-time recovery codes (hashed).
      CREATE TABLE second_factors (
        email        TEXT PRIMARY KEY,
        secret       TEXT NOT NULL,              -- base32, sealed with the proxy's data key
        confirmed_at INTEGER,                    -- null until the first code is typed back
        last_step    INTEGER,                    -- the last accepted 30 s step: a code works once
        created_at   INTEGER NOT NULL
      );
      CREATE TABLE recovery_codes (
        email     TEXT NOT NULL,
        code_hash TEXT NOT NULL,
        used_at   INTEGER,
        PRIMARY KEY (email, code_hash)
      );
      -- A session that passed the second factor may use the console until it ends.
      ALTER TABLE sessions ADD COLUMN second_factor_at INTEGER;

      -- Đ5.2: units' requests (new, change, revoke, restore) with the official document number.
      CREATE TABLE unit_requests (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        unit_code       TEXT NOT NULL,
        kind            TEXT NOT NULL CHECK (kind IN ('create', 'change', 'revoke', 'restore')),
        document_number TEXT NOT NULL,           -- số văn bản, e.g. 125/UBND-VP
        document_date   TEXT,                    -- yyyy-mm-dd
        subject_email   TEXT,                    -- the account concerned, when known
        full_name       TEXT,
        note            TEXT,
        status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'rejected')),
        received_at     INTEGER NOT NULL,
        recorded_by     TEXT NOT NULL,
        done_at         INTEGER,
        done_by         TEXT,
        outcome         TEXT                     -- what was done: the audit action and account
      );
      CREATE INDEX unit_requests_status ON unit_requests(status, received_at);

      -- The daily lifecycle job: each run and what it did (or, for a dry run, would do).
      CREATE TABLE lifecycle_runs (
        id       INTEGER PRIMARY KEY AUTOINCREMENT,
        ran_at   INTEGER NOT NULL,
        dry_run  INTEGER NOT NULL,
        actor    TEXT NOT NULL,
        actions  TEXT NOT NULL                   -- JSON: [{ email, kind, outcome }]
      );

      -- Đ8.1c: planned outages, announced at least 3 working days ahead.
      CREATE TABLE maintenance_notices (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        starts_at    INTEGER NOT NULL,
        ends_at      INTEGER NOT NULL,
        message      TEXT NOT NULL,
        created_by   TEXT NOT NULL,
        created_at   INTEGER NOT NULL,
        cancelled_at INTEGER,
        cancelled_by TEXT
      );
      CREATE INDEX maintenance_notices_ends ON maintenance_notices(ends_at);

      -- Đ13.7: users' reports (spam, virus, suspicious message, fault) for the console's queue.
      CREATE TABLE problem_reports (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        reporter    TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('spam', 'virus', 'suspicious', 'fault')),
        note        TEXT,
        mailbox     TEXT,
        uid         INTEGER,
        message_id  TEXT,
        subject     TEXT,
        sender      TEXT,
        status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'closed')),
        forwarded   INTEGER NOT NULL DEFAULT 0,  -- delivered to the support mailbox
        created_at  INTEGER NOT NULL,
        handled_by  TEXT,
        handled_at  INTEGER,
        resolution  TEXT
      );
      CREATE INDEX problem_reports_status ON problem_reports(status, created_at);
    `,
  },
  {
    version: 10,
    // The audit viewer's action filter (Đ7.1): on a million entries, 'all logins this month' or an
    // action that never happened walked the whole at-index (60–260 ms); with this, 0–3 ms.
    sql: `CREATE INDEX audit_log_action_at ON audit_log(action, at);`,
  },
  {
    version: 11,
    sql: `
      -- Attachments waiting for a draft or a send, in the store so that any instance can serve the
      -- next request of the compose window (20 MB at most, each; removed on send or after the TTL).
      CREATE TABLE uploads (
        id           TEXT PRIMARY KEY,
        owner        TEXT NOT NULL,
        compose_id   TEXT NOT NULL,
        filename     TEXT NOT NULL,
        content_type TEXT NOT NULL,
        size         INTEGER NOT NULL,
        bytes        BLOB NOT NULL,
        created_at   INTEGER NOT NULL
      );
      CREATE INDEX uploads_owner_compose ON uploads(owner, compose_id);
      CREATE INDEX uploads_created ON uploads(created_at);
      -- Background jobs run once per slot (a day, an hour) whatever the number of instances: the
      -- instance that inserts the slot's row runs it; a row left unfinished past its lease is taken over.
      CREATE TABLE job_runs (
        job         TEXT NOT NULL,
        slot        TEXT NOT NULL,
        instance    TEXT NOT NULL,
        started_at  INTEGER NOT NULL,
        finished_at INTEGER,
        outcome     TEXT,
        PRIMARY KEY (job, slot)
      );
      CREATE INDEX job_runs_started ON job_runs(started_at);
    `,
  },
  {
    version: 12,
    sql: `
      -- Đ14.2h: a message prepared for signing in the browser, kept exactly as it will be sent
      -- until the signature comes back (to whichever instance); minutes, not hours.
      CREATE TABLE signing_requests (
        id          TEXT PRIMARY KEY,
        owner       TEXT NOT NULL,
        compose_id  TEXT NOT NULL,
        message     TEXT NOT NULL,
        message_id  TEXT NOT NULL,
        header      BLOB NOT NULL,
        entity      BLOB NOT NULL,
        created_at  INTEGER NOT NULL
      );
      CREATE INDEX signing_requests_created ON signing_requests(created_at);
    `,
  },
  {
    version: 13,
    sql: `
      -- Each user's own address book: contacts (addresses as a JSON array, the folded text the
      -- tone-less search matches) and named groups of them. Removed with the user (Đ6.2).
      CREATE TABLE contacts (
        id           TEXT PRIMARY KEY,
        owner        TEXT NOT NULL,
        name         TEXT NOT NULL,
        emails       TEXT NOT NULL,
        phone        TEXT NOT NULL,
        organization TEXT NOT NULL,
        title        TEXT NOT NULL,
        note         TEXT NOT NULL,
        folded       TEXT NOT NULL,
        created_at   INTEGER NOT NULL,
        updated_at   INTEGER NOT NULL
      );
      CREATE INDEX contacts_owner ON contacts(owner, name);
      CREATE TABLE contact_groups (
        id         TEXT PRIMARY KEY,
        owner      TEXT NOT NULL,
        name       TEXT NOT NULL,
        folded     TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (owner, folded)
      );
      CREATE TABLE contact_group_members (
        group_id   TEXT NOT NULL REFERENCES contact_groups(id) ON DELETE CASCADE,
        contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        PRIMARY KEY (group_id, contact_id)
      );
      CREATE INDEX contact_group_members_contact ON contact_group_members(contact_id);
    `,
  },
  {
    version: 14,
    sql: `
      -- Message templates ("Mẫu thư"): a user's saved replies, picked in compose. The body is
      -- sanitised HTML; recipients are JSON arrays of {name, address}.
      CREATE TABLE message_templates (
        id          TEXT PRIMARY KEY,
        owner       TEXT NOT NULL,
        name        TEXT NOT NULL,
        subject     TEXT NOT NULL,
        html        TEXT NOT NULL,
        recipients  TEXT NOT NULL,
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX message_templates_owner_name ON message_templates(owner, name);
    `,
  },
  {
    version: 15,
    sql: `
      -- Đ14.2g: API clients, other government software acting for a unit mailbox. Only the
      -- SHA-256 of the token is kept; scopes are a JSON array (send, read:<folder>, directory:read).
      CREATE TABLE api_clients (
        id           TEXT PRIMARY KEY,
        unit_code    TEXT NOT NULL,
        mailbox      TEXT NOT NULL,
        name         TEXT NOT NULL,
        scopes       TEXT NOT NULL,
        token_hash   TEXT NOT NULL UNIQUE,
        token_hint   TEXT NOT NULL,
        expires_at   INTEGER NOT NULL,
        created_at   INTEGER NOT NULL,
        created_by   TEXT NOT NULL,
        rotated_at   INTEGER,
        revoked_at   INTEGER,
        last_used_at INTEGER
      );
      CREATE INDEX api_clients_unit ON api_clients(unit_code, name);
    `,
  },
  {
    version: 16,
    sql: `
      -- Đ8.2d: copies of mail from an old IMAP server, resumable after a crash or a restart. The
      -- old password is in secret_box (AES-256-GCM under the data key) only while the job runs:
      -- it is set to NULL when the job ends, success or failure. lease_* say which instance runs
      -- it; a lease not renewed in time is taken over.
      CREATE TABLE migration_jobs (
        id                 TEXT PRIMARY KEY,
        mailbox            TEXT NOT NULL,
        requested_by       TEXT NOT NULL,
        batch_id           TEXT,
        host               TEXT NOT NULL,
        port               INTEGER NOT NULL,
        security           TEXT NOT NULL,
        accept_self_signed INTEGER NOT NULL DEFAULT 0,
        old_user           TEXT NOT NULL,
        secret_box         BLOB,
        state              TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
        error              TEXT,
        total              INTEGER NOT NULL DEFAULT 0,
        copied             INTEGER NOT NULL DEFAULT 0,
        skipped            INTEGER NOT NULL DEFAULT 0,
        failed             INTEGER NOT NULL DEFAULT 0,
        created_at         INTEGER NOT NULL,
        updated_at         INTEGER NOT NULL,
        finished_at        INTEGER,
        lease_instance     TEXT,
        lease_until        INTEGER
      );
      CREATE INDEX migration_jobs_mailbox ON migration_jobs(mailbox, created_at);
      CREATE INDEX migration_jobs_state ON migration_jobs(state);
      CREATE INDEX migration_jobs_batch ON migration_jobs(batch_id);
      -- Per old folder: where the copy stands (UIDVALIDITY and the last UID done).
      CREATE TABLE migration_folders (
        job_id      TEXT NOT NULL REFERENCES migration_jobs(id) ON DELETE CASCADE,
        source      TEXT NOT NULL,
        target      TEXT NOT NULL,
        uidvalidity INTEGER,
        last_uid    INTEGER NOT NULL DEFAULT 0,
        total       INTEGER NOT NULL DEFAULT 0,
        copied      INTEGER NOT NULL DEFAULT 0,
        skipped     INTEGER NOT NULL DEFAULT 0,
        failed      INTEGER NOT NULL DEFAULT 0,
        done        INTEGER NOT NULL DEFAULT 0,
        position    INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (job_id, source)
      );
      CREATE TABLE migration_failures (
        id      INTEGER PRIMARY KEY AUTOINCREMENT,
        job_id  TEXT NOT NULL REFERENCES migration_jobs(id) ON DELETE CASCADE,
        folder  TEXT NOT NULL,
        uid     INTEGER NOT NULL,
        code    TEXT NOT NULL,
        detail  TEXT NOT NULL,
        at      INTEGER NOT NULL
      );
      CREATE INDEX migration_failures_job ON migration_failures(job_id, id);
    `,
  },
];
