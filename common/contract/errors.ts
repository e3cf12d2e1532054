import { z } from 'zod';

/**
 * Every failure a user can see has one of these stable codes. The client maps the code to a
 * catalogue message (client/i18n), so the wording can change without touching the proxy, and
 * other government software (Đ14.2g) can branch on the code rather than on text.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  not_authenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  password_change_required: 403,
  account_revoked: 403,
  current_password_incorrect: 400,
  // Đ9 and what experience adds: one code per broken rule (see policy/password-rules.ts).
  password_too_short: 400,
  password_too_long: 400,
  password_needs_upper: 400,
  password_needs_lower: 400,
  password_needs_digit: 400,
  password_needs_special: 400,
  password_has_whitespace: 400,
  password_non_ascii: 400,
  password_common: 400,
  password_contains_personal: 400,
  password_same_as_current: 400,
  password_reused: 400,
  password_change_failed: 502,
  sending_locked: 403,
  mailbox_not_found: 404,
  folder_exists: 409,
  folder_name_invalid: 400,
  folder_protected: 409,
  folder_has_children: 409,
  action_refused: 409,
  message_not_found: 404,
  attachment_not_found: 404,
  attachment_too_large: 413,
  // Đ14.2h: verifying a PDF attachment's signatures (proxy/pdf-signatures).
  not_a_pdf: 415,
  pdf_signature_too_large: 413,
  pdf_signature_check_failed: 502,
  // Đ8.2b: clamd found malware in the file (its signature name in the details), or could not say.
  attachment_infected: 422,
  malware_scan_unavailable: 503,
  // Previews of .docx, .xlsx and forwarded messages (proxy/attachment-preview).
  preview_unsupported: 415,
  preview_wrong_format: 415,
  preview_damaged: 422,
  preview_too_large: 413,
  preview_timeout: 503,
  upload_not_found: 404,
  no_recipients: 400,
  invalid_address: 400,
  recipient_refused: 422,
  send_in_progress: 409,
  send_failed: 502,
  mailbox_full: 507,
  account_suspended: 423,
  too_many_attempts: 429,
  // Issue 6, the Sở TT&TT console.
  forbidden: 403,
  second_factor_required: 403,
  second_factor_invalid: 400,
  second_factor_not_enrolled: 409,
  second_factor_already_enrolled: 409,
  // Đ4 naming (policy/account-name.ts): the proposal and an admin's override.
  name_empty: 400,
  name_single_word: 400,
  name_has_digit: 400,
  name_invalid_character: 400,
  unit_code_invalid: 400,
  parent_code_invalid: 400,
  address_taken: 409,
  local_too_long: 400,
  name_clash_limit: 409,
  local_empty: 400,
  local_has_uppercase: 400,
  local_has_diacritics: 400,
  local_invalid_character: 400,
  local_bad_dots: 400,
  local_needs_unit: 400,
  local_too_many_parts: 400,
  local_personal_form: 400,
  local_wrong_unit: 400,
  local_reserved: 400,
  override_reason_required: 400,
  unit_not_found: 404,
  unit_exists: 409,
  unit_in_use: 409,
  own_admin_role: 409,
  account_not_found: 404,
  quota_below_minimum: 400,
  provider_account_failed: 502,
  account_state_invalid: 409,
  departure_invalid: 400,
  suspension_reason_unknown: 400,
  suspension_note_required: 400,
  export_failed: 502,
  export_not_found: 404,
  request_not_found: 404,
  document_number_required: 400,
  import_file_unreadable: 400,
  import_too_large: 413,
  import_no_rows: 400,
  maintenance_start_in_past: 400,
  maintenance_notice_too_short: 400,
  maintenance_end_before_start: 400,
  holidays_unknown: 400,
  notice_not_found: 404,
  problem_report_not_found: 404,
  too_many_reports: 429,
  // Đ14.2h, sending signed: the entity prepared for signing is gone (expired, or sent already).
  signing_expired: 409,
  /** The signing certificate names another address than the sender's. */
  signing_email_mismatch: 422,
  /** Not a detached SHA-256 signature over exactly the prepared entity. */
  signing_signature_invalid: 422,
  /** Said by the browser itself: its key could not sign (removed meanwhile, or the code failed to load). */
  signing_failed: 500,
  // Message templates ("Mẫu thư"): a user keeps a few dozen replies, each of modest size.
  template_limit_reached: 409,
  template_too_large: 413,
  template_name_taken: 409,
  template_not_found: 404,
  // Đ12.9, Đ13.5: official mail may not be forwarded to a public free mail service.
  forward_refused_domain: 422,
  /** The provider's Sieve server refused the generated script (its reason in the details). */
  sieve_script_refused: 422,
  /** The provider's ManageSieve server cannot be reached: nothing was changed. */
  sieve_unavailable: 503,
  /** The message carries no meeting invitation that can be read. */
  invitation_not_found: 404,
  /** A cancelled meeting, a calendar that asks nothing (PUBLISH, REPLY) or one without organiser. */
  invitation_not_answerable: 409,
  // The personal address book (proxy/contacts).
  contact_not_found: 404,
  contact_group_not_found: 404,
  contact_group_exists: 409,
  contacts_limit_reached: 409,
  contacts_file_unreadable: 400,
  contacts_file_empty: 400,
  contacts_file_too_large: 413,
  // Đ14.2g: API clients of unit mailboxes (proxy/api-clients) and the service API they call.
  api_token_invalid: 401,
  api_token_expired: 401,
  api_token_revoked: 401,
  /** The client's scopes do not cover the call (the scope needed in the details). */
  api_scope_missing: 403,
  /** Too many calls of this client in the current minute (Retry-After says when to try again). */
  api_rate_limited: 429,
  /** Đ3.1: a subject or file name bears a secret stamp and the caller did not declare it checked. */
  state_secret_unchecked: 422,
  api_client_not_found: 404,
  api_client_expiry_invalid: 400,
  /** The unit has no unit mailbox in the unit tree to act for. */
  unit_mailbox_missing: 409,
  /** The proxy was not given the provider's credentials to act for unit mailboxes. */
  api_clients_unavailable: 503,
  // Importing mail from files (Đ8.2d, proxy/import): a file or one message of it refused.
  not_mail: 415,
  malformed_mbox: 422,
  zip_unsafe: 422,
  message_too_large: 413,
  quota_full: 507,
  import_append_failed: 502,
  // Đ8.2d, mail from an old IMAP server (proxy/migration): the old server's faults, each its own code.
  /** The old server's name does not resolve. */
  migration_host_unknown: 400,
  /** Nothing listens on that port of the old server. */
  migration_connection_refused: 502,
  /** The old server did not answer in time. */
  migration_timeout: 504,
  /** The old server's certificate is self-signed: accepted only when the user says so. */
  migration_tls_self_signed: 502,
  migration_tls_expired: 502,
  /** Any other TLS failure (wrong security for the port, name mismatch, old protocol). */
  migration_tls_failed: 502,
  /** The old server refused the user name or password. */
  migration_login_failed: 400,
  /** The old server closed the connection during the copy: a rerun continues where it stopped. */
  migration_connection_lost: 502,
  /** The new mailbox would be full: the copy stopped before that. */
  migration_quota_full: 507,
  /** A message over the 20 MB cap was not copied (recorded as a failure, the copy goes on). */
  migration_message_too_large: 413,
  migration_in_progress: 409,
  migration_not_found: 404,
  /** The new mailbox would not take the copy (its login or an APPEND failed). */
  migration_target_failed: 502,
  // An admin's migration of a whole unit from a CSV: each refused line has its own code.
  /** The provider's master user is not configured: batch jobs cannot log in to the new mailboxes. */
  migration_master_unavailable: 503,
  /** A line lacks the old user, the old password or the new mailbox. */
  migration_row_incomplete: 400,
  /** The new mailbox is not an account of the console. */
  migration_row_mailbox_unknown: 404,
  /** The new mailbox belongs to another unit. */
  migration_row_other_unit: 400,
  /** The same new mailbox on an earlier line. */
  migration_row_duplicate: 409,
  migration_batch_not_found: 404,
  internal_error: 500,
  provider_unavailable: 503,
  /** The policy store (SQLite or PostgreSQL) cannot be reached: nothing was changed. */
  store_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const errorCodes = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

export const ApiErrorBody = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      /** Vietnamese text for callers that show it as is; the SPA uses its own catalogue. */
      message: z.string(),
      /** Extra facts a message may quote (a reason, a limit, seconds to wait). */
      details: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  })
  .meta({ id: 'ApiError' });
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;
