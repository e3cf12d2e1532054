import type { ColumnType, Generated } from 'kysely';

/**
 * The policy store's tables as the code sees them, for both engines. Times are milliseconds since
 * the epoch (BIGINT on PostgreSQL, read back as numbers); flags are 0/1 integers on both engines so
 * that one query serves both. JSON columns are text: both engines store it as written.
 */
export interface StoreSchema {
  schema_migrations: { version: number; applied_at: string };
  sessions: {
    id_hash: string;
    email: string;
    secret_box: Buffer;
    csrf_token: string;
    created_at: number;
    last_seen_at: number;
    expires_at: number;
    ip: string | null;
    user_agent: string | null;
    second_factor_at: number | null;
  };
  login_failures: { key: string; at: number };
  audit_log: {
    id: Generated<number>;
    at: number;
    actor: string;
    email: string;
    action: string;
    outcome: string;
    ip: string | null;
    details: string | null;
  };
  accounts: AccountsTable;
  password_history: { id: Generated<number>; email: string; hash: string; created_at: number };
  quota_warnings: { email: string; level: string; percent: number; sent_at: number };
  user_settings: { email: string; key: string; value: string; updated_at: number };
  api_clients: ApiClientsTable;
  message_templates: {
    id: string;
    owner: string;
    name: string;
    subject: string;
    html: string;
    /** JSON: { to: Address[], cc: Address[] }. */
    recipients: string;
    created_at: number;
    updated_at: number;
  };
  send_keys: {
    email: string;
    key: string;
    state: 'sending' | 'sent' | 'failed';
    message_id: string | null;
    result: string | null;
    created_at: number;
  };
  signing_requests: {
    id: string;
    owner: string;
    compose_id: string;
    /** The message as the user sent it (JSON): a failed send keeps it as a draft. */
    message: string;
    message_id: string;
    header: Buffer;
    entity: Buffer;
    created_at: number;
  };
  directory: { email: string; name: string | null; unit: string | null; folded: string; updated_at: number };
  contacts: {
    id: string;
    owner: string;
    name: string;
    /** JSON array of lower-case addresses, the first the one completion offers. */
    emails: string;
    phone: string;
    organization: string;
    title: string;
    note: string;
    folded: string;
    created_at: number;
    updated_at: number;
  };
  contact_groups: {
    id: string;
    owner: string;
    name: string;
    folded: string;
    created_at: number;
    updated_at: number;
  };
  contact_group_members: { group_id: string; contact_id: string };
  recent_recipients: {
    owner: string;
    address: string;
    name: string | null;
    folded: string;
    uses: ColumnType<number, number | undefined, number>;
    last_used: number;
  };
  units: {
    code: string;
    name: string;
    parent_code: string | null;
    level: 'province' | 'department' | 'district' | 'division' | 'commune';
    mailbox: string | null;
    website: string | null;
    created_at: number;
    updated_at: number;
  };
  account_state_history: {
    id: Generated<number>;
    email: string;
    state: string;
    reason: string | null;
    at: number;
  };
  second_factors: {
    email: string;
    secret: string;
    confirmed_at: number | null;
    last_step: number | null;
    created_at: number;
  };
  recovery_codes: { email: string; code_hash: string; used_at: number | null };
  unit_requests: {
    id: Generated<number>;
    unit_code: string;
    kind: 'create' | 'change' | 'revoke' | 'restore';
    document_number: string;
    document_date: string | null;
    subject_email: string | null;
    full_name: string | null;
    note: string | null;
    status: ColumnType<'open' | 'done' | 'rejected', 'open' | 'done' | 'rejected' | undefined>;
    received_at: number;
    recorded_by: string;
    done_at: number | null;
    done_by: string | null;
    outcome: string | null;
  };
  lifecycle_runs: { id: Generated<number>; ran_at: number; dry_run: number; actor: string; actions: string };
  maintenance_notices: {
    id: Generated<number>;
    starts_at: number;
    ends_at: number;
    message: string;
    created_by: string;
    created_at: number;
    cancelled_at: number | null;
    cancelled_by: string | null;
  };
  problem_reports: {
    id: Generated<number>;
    reporter: string;
    kind: 'spam' | 'virus' | 'suspicious' | 'fault';
    note: string | null;
    mailbox: string | null;
    uid: number | null;
    message_id: string | null;
    subject: string | null;
    sender: string | null;
    status: ColumnType<'open' | 'in_progress' | 'closed', 'open' | 'in_progress' | 'closed' | undefined>;
    forwarded: ColumnType<number, number | undefined>;
    created_at: number;
    handled_by: string | null;
    handled_at: number | null;
    resolution: string | null;
  };
  uploads: {
    id: string;
    owner: string;
    compose_id: string;
    filename: string;
    content_type: string;
    size: number;
    bytes: Buffer;
    created_at: number;
  };
  migration_jobs: MigrationJobsTable;
  migration_folders: {
    job_id: string;
    source: string;
    target: string;
    uidvalidity: number | null;
    last_uid: Defaulted<number>;
    total: Defaulted<number>;
    copied: Defaulted<number>;
    skipped: Defaulted<number>;
    failed: Defaulted<number>;
    done: Defaulted<number>;
    position: Defaulted<number>;
  };
  migration_failures: {
    id: Generated<number>;
    job_id: string;
    folder: string;
    uid: number;
    code: string;
    detail: string;
    at: number;
  };
  job_runs: {
    job: string;
    slot: string;
    instance: string;
    started_at: number;
    finished_at: number | null;
    outcome: string | null;
  };
}

/** Columns with a default may be left out of an INSERT. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface AccountsTable {
  email: string;
  state: Defaulted<'active' | 'suspended' | 'revoked'>;
  state_reason: string | null;
  state_changed_at: number | null;
  password_changed_at: number;
  must_change_password: Defaulted<number>;
  created_at: number;
  sending_locked_reason: string | null;
  full_name: string | null;
  unit_code: string | null;
  kind: Defaulted<'personal' | 'unit'>;
  title: string | null;
  role: Defaulted<'user' | 'unit_manager' | 'admin'>;
  quota_bytes: number | null;
  provisioned_by: string | null;
  name_override_reason: string | null;
  first_login_at: number | null;
  last_login_at: number | null;
  last_sent_at: number | null;
  departure_on: string | null;
  departure_level: 'staff' | 'head' | null;
  departure_reason: 'retired' | 'resigned' | 'transferred_out' | null;
  inactivity_exempt_reason: string | null;
  inactivity_exempt_until: number | null;
  exported_at: number | null;
  export_file: string | null;
  restore_requested_at: number | null;
}

/** Đ14.2g: other government software acting for a unit mailbox (proxy/api-clients). */
export interface ApiClientsTable {
  id: string;
  unit_code: string;
  mailbox: string;
  name: string;
  /** JSON array of scopes. */
  scopes: string;
  /** SHA-256 (hex) of the bearer token; the token itself is shown once and never stored. */
  token_hash: string;
  /** The token's first characters, so an admin can tell which one a vendor holds. */
  token_hint: string;
  expires_at: number;
  created_at: number;
  created_by: string;
  rotated_at: number | null;
  revoked_at: number | null;
  last_used_at: number | null;
}

/** Đ8.2d: a copy of mail from an old IMAP server (proxy/migration). */
export interface MigrationJobsTable {
  id: string;
  mailbox: string;
  requested_by: string;
  batch_id: string | null;
  host: string;
  port: number;
  security: string;
  accept_self_signed: Defaulted<number>;
  old_user: string;
  /** The old (and, for a user's own job, the new) password, sealed; NULL once the job ended. */
  secret_box: Buffer | null;
  state: Defaulted<'queued' | 'running' | 'done' | 'failed'>;
  error: string | null;
  total: Defaulted<number>;
  copied: Defaulted<number>;
  skipped: Defaulted<number>;
  failed: Defaulted<number>;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
  lease_instance: string | null;
  lease_until: number | null;
}
