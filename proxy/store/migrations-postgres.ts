/**
 * The PostgreSQL schema, with the same version numbers as migrations-sqlite.ts and the same tables
 * and columns, so that one set of queries (Kysely) serves both engines. Differences are the
 * dialect's only: BIGINT for millisecond times and sizes, identity columns, BYTEA, DOUBLE
 * PRECISION, and PL/pgSQL for the audit log's append-only trigger. Append-only, like SQLite's.
 */
export const postgresMigrations: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE sessions (
        id_hash      TEXT PRIMARY KEY,
        email        TEXT NOT NULL,
        secret_box   BYTEA NOT NULL,
        csrf_token   TEXT NOT NULL,
        created_at   BIGINT NOT NULL,
        last_seen_at BIGINT NOT NULL,
        expires_at   BIGINT NOT NULL,
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
      CREATE TABLE login_failures (key TEXT NOT NULL, at BIGINT NOT NULL);
      CREATE INDEX login_failures_key ON login_failures(key, at);
    `,
  },
  {
    version: 3,
    sql: `
      CREATE TABLE audit_log (
        id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at      BIGINT NOT NULL,
        actor   TEXT NOT NULL,
        email   TEXT NOT NULL,
        action  TEXT NOT NULL,
        outcome TEXT NOT NULL,
        ip      TEXT,
        details TEXT
      );
      CREATE INDEX audit_log_email_at ON audit_log(email, at);
      CREATE INDEX audit_log_at ON audit_log(at);
      -- Append-only (Đ7.1): no UPDATE, ever, not even by the application's own role; only the
      -- retention purge deletes.
      CREATE FUNCTION audit_log_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit_log is append-only'; END;
      $$;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_update();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_update();
    `,
  },
  {
    version: 4,
    sql: `
      CREATE TABLE accounts (
        email                TEXT PRIMARY KEY,
        state                TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'suspended', 'revoked')),
        state_reason         TEXT,
        state_changed_at     BIGINT,
        password_changed_at  BIGINT NOT NULL,
        must_change_password INTEGER NOT NULL DEFAULT 0,
        created_at           BIGINT NOT NULL
      );
      CREATE TABLE password_history (
        id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email      TEXT NOT NULL,
        hash       TEXT NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE INDEX password_history_email ON password_history(email, id);
    `,
  },
  {
    version: 5,
    sql: `
      CREATE TABLE quota_warnings (
        email   TEXT NOT NULL,
        level   TEXT NOT NULL,
        percent DOUBLE PRECISION NOT NULL,
        sent_at BIGINT NOT NULL
      );
      CREATE INDEX quota_warnings_email ON quota_warnings(email, sent_at);
    `,
  },
  {
    version: 6,
    sql: `
      CREATE TABLE user_settings (
        email      TEXT NOT NULL,
        key        TEXT NOT NULL,
        value      TEXT NOT NULL,
        updated_at BIGINT NOT NULL,
        PRIMARY KEY (email, key)
      );
    `,
  },
  {
    version: 7,
    sql: `
      CREATE TABLE send_keys (
        email      TEXT NOT NULL,
        key        TEXT NOT NULL,
        state      TEXT NOT NULL CHECK (state IN ('sending', 'sent', 'failed')),
        message_id TEXT,
        result     TEXT,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (email, key)
      );
      CREATE INDEX send_keys_created ON send_keys(created_at);
    `,
  },
  {
    version: 8,
    sql: `
      CREATE TABLE directory (
        email      TEXT PRIMARY KEY,
        name       TEXT,
        unit       TEXT,
        folded     TEXT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE TABLE recent_recipients (
        owner     TEXT NOT NULL,
        address   TEXT NOT NULL,
        name      TEXT,
        folded    TEXT NOT NULL,
        uses      INTEGER NOT NULL DEFAULT 1,
        last_used BIGINT NOT NULL,
        PRIMARY KEY (owner, address)
      );
      ALTER TABLE accounts ADD COLUMN sending_locked_reason TEXT;
    `,
  },
  {
    version: 9,
    sql: `
      CREATE TABLE units (
        code        TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        parent_code TEXT REFERENCES units(code),
        level       TEXT NOT NULL CHECK (level IN ('province', 'department', 'district', 'division', 'commune')),
        mailbox     TEXT,
        website     TEXT,
        created_at  BIGINT NOT NULL,
        updated_at  BIGINT NOT NULL
      );
      CREATE INDEX units_parent ON units(parent_code);

      ALTER TABLE accounts
        ADD COLUMN full_name TEXT,
        ADD COLUMN unit_code TEXT,
        ADD COLUMN kind TEXT NOT NULL DEFAULT 'personal' CHECK (kind IN ('personal', 'unit')),
        ADD COLUMN title TEXT,
        ADD COLUMN role TEXT NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'unit_manager', 'admin')),
        ADD COLUMN quota_bytes BIGINT,
        ADD COLUMN provisioned_by TEXT,
        ADD COLUMN name_override_reason TEXT,
        ADD COLUMN first_login_at BIGINT,
        ADD COLUMN last_login_at BIGINT,
        ADD COLUMN last_sent_at BIGINT,
        ADD COLUMN departure_on TEXT,
        ADD COLUMN departure_level TEXT CHECK (departure_level IN ('staff', 'head')),
        ADD COLUMN departure_reason TEXT CHECK (departure_reason IN ('retired', 'resigned', 'transferred_out')),
        ADD COLUMN inactivity_exempt_reason TEXT,
        ADD COLUMN inactivity_exempt_until BIGINT,
        ADD COLUMN exported_at BIGINT,
        ADD COLUMN export_file TEXT,
        ADD COLUMN restore_requested_at BIGINT;
      CREATE INDEX accounts_unit ON accounts(unit_code);

      CREATE TABLE account_state_history (
        id     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email  TEXT NOT NULL,
        state  TEXT NOT NULL,
        reason TEXT,
        at     BIGINT NOT NULL
      );
      CREATE INDEX account_state_history_email ON account_state_history(email, at);

      CREATE TABLE second_factors (
        email        TEXT PRIMARY KEY,
        secret       TEXT NOT NULL,
        confirmed_at BIGINT,
        last_step    BIGINT,
        created_at   BIGINT NOT NULL
      );
      CREATE TABLE recovery_codes (
        email     TEXT NOT NULL,
        code_hash TEXT NOT NULL,
        used_at   BIGINT,
        PRIMARY KEY (email, code_hash)
      );
      ALTER TABLE sessions ADD COLUMN second_factor_at BIGINT;

      CREATE TABLE unit_requests (
        id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        unit_code       TEXT NOT NULL,
        kind            TEXT NOT NULL CHECK (kind IN ('create', 'change', 'revoke', 'restore')),
        document_number TEXT NOT NULL,
        document_date   TEXT,
        subject_email   TEXT,
        full_name       TEXT,
        note            TEXT,
        status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'rejected')),
        received_at     BIGINT NOT NULL,
        recorded_by     TEXT NOT NULL,
        done_at         BIGINT,
        done_by         TEXT,
        outcome         TEXT
      );
      CREATE INDEX unit_requests_status ON unit_requests(status, received_at);

      CREATE TABLE lifecycle_runs (
        id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        ran_at  BIGINT NOT NULL,
        dry_run INTEGER NOT NULL,
        actor   TEXT NOT NULL,
        actions TEXT NOT NULL
      );

      CREATE TABLE maintenance_notices (
        id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        starts_at    BIGINT NOT NULL,
        ends_at      BIGINT NOT NULL,
        message      TEXT NOT NULL,
        created_by   TEXT NOT NULL,
        created_at   BIGINT NOT NULL,
        cancelled_at BIGINT,
        cancelled_by TEXT
      );
      CREATE INDEX maintenance_notices_ends ON maintenance_notices(ends_at);

      CREATE TABLE problem_reports (
        id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        reporter   TEXT NOT NULL,
        kind       TEXT NOT NULL CHECK (kind IN ('spam', 'virus', 'suspicious', 'fault')),
        note       TEXT,
        mailbox    TEXT,
        uid        BIGINT,
        message_id TEXT,
        subject    TEXT,
        sender     TEXT,
        status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'closed')),
        forwarded  INTEGER NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL,
        handled_by TEXT,
        handled_at BIGINT,
        resolution TEXT
      );
      CREATE INDEX problem_reports_status ON problem_reports(status, created_at);
    `,
  },
  {
    version: 10,
    sql: 'CREATE INDEX audit_log_action_at ON audit_log(action, at);',
  },
  {
    version: 11,
    sql: `
      CREATE TABLE uploads (
        id           TEXT PRIMARY KEY,
        owner        TEXT NOT NULL,
        compose_id   TEXT NOT NULL,
        filename     TEXT NOT NULL,
        content_type TEXT NOT NULL,
        size         BIGINT NOT NULL,
        bytes        BYTEA NOT NULL,
        created_at   BIGINT NOT NULL
      );
      CREATE INDEX uploads_owner_compose ON uploads(owner, compose_id);
      CREATE INDEX uploads_created ON uploads(created_at);
      CREATE TABLE job_runs (
        job         TEXT NOT NULL,
        slot        TEXT NOT NULL,
        instance    TEXT NOT NULL,
        started_at  BIGINT NOT NULL,
        finished_at BIGINT,
        outcome     TEXT,
        PRIMARY KEY (job, slot)
      );
      CREATE INDEX job_runs_started ON job_runs(started_at);
    `,
  },
  {
    version: 12,
    sql: `
      CREATE TABLE signing_requests (
        id          TEXT PRIMARY KEY,
        owner       TEXT NOT NULL,
        compose_id  TEXT NOT NULL,
        message     TEXT NOT NULL,
        message_id  TEXT NOT NULL,
        header      BYTEA NOT NULL,
        entity      BYTEA NOT NULL,
        created_at  BIGINT NOT NULL
      );
      CREATE INDEX signing_requests_created ON signing_requests(created_at);
    `,
  },
  {
    version: 13,
    sql: `
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
        created_at   BIGINT NOT NULL,
        updated_at   BIGINT NOT NULL
      );
      CREATE INDEX contacts_owner ON contacts(owner, name);
      CREATE TABLE contact_groups (
        id         TEXT PRIMARY KEY,
        owner      TEXT NOT NULL,
        name       TEXT NOT NULL,
        folded     TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
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
      CREATE TABLE message_templates (
        id          TEXT PRIMARY KEY,
        owner       TEXT NOT NULL,
        name        TEXT NOT NULL,
        subject     TEXT NOT NULL,
        html        TEXT NOT NULL,
        recipients  TEXT NOT NULL,
        created_at  BIGINT NOT NULL,
        updated_at  BIGINT NOT NULL
      );
      CREATE UNIQUE INDEX message_templates_owner_name ON message_templates(owner, name);
    `,
  },
  {
    version: 15,
    sql: `
      CREATE TABLE api_clients (
        id           TEXT PRIMARY KEY,
        unit_code    TEXT NOT NULL,
        mailbox      TEXT NOT NULL,
        name         TEXT NOT NULL,
        scopes       TEXT NOT NULL,
        token_hash   TEXT NOT NULL UNIQUE,
        token_hint   TEXT NOT NULL,
        expires_at   BIGINT NOT NULL,
        created_at   BIGINT NOT NULL,
        created_by   TEXT NOT NULL,
        rotated_at   BIGINT,
        revoked_at   BIGINT,
        last_used_at BIGINT
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
        secret_box         BYTEA,
        state              TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
        error              TEXT,
        total              INTEGER NOT NULL DEFAULT 0,
        copied             INTEGER NOT NULL DEFAULT 0,
        skipped            INTEGER NOT NULL DEFAULT 0,
        failed             INTEGER NOT NULL DEFAULT 0,
        created_at         BIGINT NOT NULL,
        updated_at         BIGINT NOT NULL,
        finished_at        BIGINT,
        lease_instance     TEXT,
        lease_until        BIGINT
      );
      CREATE INDEX migration_jobs_mailbox ON migration_jobs(mailbox, created_at);
      CREATE INDEX migration_jobs_state ON migration_jobs(state);
      CREATE INDEX migration_jobs_batch ON migration_jobs(batch_id);
      -- Per old folder: where the copy stands (UIDVALIDITY and the last UID done).
      CREATE TABLE migration_folders (
        job_id      TEXT NOT NULL REFERENCES migration_jobs(id) ON DELETE CASCADE,
        source      TEXT NOT NULL,
        target      TEXT NOT NULL,
        uidvalidity BIGINT,
        last_uid    BIGINT NOT NULL DEFAULT 0,
        total       INTEGER NOT NULL DEFAULT 0,
        copied      INTEGER NOT NULL DEFAULT 0,
        skipped     INTEGER NOT NULL DEFAULT 0,
        failed      INTEGER NOT NULL DEFAULT 0,
        done        INTEGER NOT NULL DEFAULT 0,
        position    INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (job_id, source)
      );
      CREATE TABLE migration_failures (
        id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        job_id  TEXT NOT NULL REFERENCES migration_jobs(id) ON DELETE CASCADE,
        folder  TEXT NOT NULL,
        uid     BIGINT NOT NULL,
        code    TEXT NOT NULL,
        detail  TEXT NOT NULL,
        at      BIGINT NOT NULL
      );
      CREATE INDEX migration_failures_job ON migration_failures(job_id, id);
    `,
  },
];
