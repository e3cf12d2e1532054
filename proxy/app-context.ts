import type { AccountStore } from './accounts/account-store';
import type { Directory } from './accounts/directory';
import type { ApiClientStore } from './api-clients/api-client-store';
import type { ApiCallLimiter } from './api-clients/call-limiter';
import type { AuditLog } from './audit/audit-log';
import type { LoginThrottle } from './auth/login-throttle-store';
import type { SessionStore } from './auth/session-store';
import type { SendKeys } from './compose/send-keys';
import type { SigningRequests } from './compose/signing-requests';
import type { UploadStore } from './compose/upload-store';
import type { Config } from './config';
import type { LifecycleRuns } from './console/lifecycle/lifecycle-runs';
import type { RequestStore } from './console/requests/request-store';
import type { SecondFactors } from './console/second-factor';
import type { UnitStore } from './console/units/unit-store';
import type { ContactsStore } from './contacts/contacts-store';
import type { LiveHub } from './live/live-hub';
import type { ImapPool } from './mail/imap-pool';
import type { AttachmentScanning } from './malware/attachment-scanning';
import type { Migrations } from './migration/migrations';
import type { Metrics } from './ops/metrics';
import type { PasswordDriver } from './password/drivers/password-driver';
import type { SettingsStore } from './settings/settings-store';
import type { Store } from './store/open-store';
import type { SignatureVerifier } from './trust/signature-verifier';

/** What route modules are given: built once in server.ts, never imported as globals. */
export interface AppContext {
  config: Config;
  /** The policy store (SQLite or PostgreSQL) every repository below is written against. */
  store: Store;
  sessions: SessionStore;
  loginThrottle: LoginThrottle;
  audit: AuditLog;
  imap: ImapPool;
  accounts: AccountStore;
  passwordDriver: PasswordDriver;
  settings: SettingsStore;
  /** Each user's own address book ("Danh bạ"). */
  contacts: ContactsStore;
  directory: Directory;
  uploads: UploadStore;
  sendKeys: SendKeys;
  /** Đ14.2h: messages prepared for signing in the browser, waiting for their signature. */
  signingRequests: SigningRequests;
  /** Live updates: one watch per user with an open tab, on the user's pooled IMAP connection. */
  live: LiveHub;
  /** The Sở TT&TT console (issue 6). */
  units: UnitStore;
  secondFactors: SecondFactors;
  /** Đ5.2: units' written requests, linked to what was done. */
  requests: RequestStore;
  /** The daily lifecycle job's runs (Đ5.3b, Đ6.2a). */
  lifecycleRuns: LifecycleRuns;
  /** The operators' Prometheus counters (proxy/ops/metrics.ts). */
  metrics: Metrics;
  /** Đ14.2h: S/MIME signatures checked against the configured trust anchors (proxy/trust). */
  signatures: SignatureVerifier;
  /** Đ8.2b: clamd, and the verdicts it already gave on attachments. */
  malware: AttachmentScanning;
  /** Đ14.2g: other government software acting for unit mailboxes, and its calls per minute. */
  apiClients: ApiClientStore;
  apiCallLimiter: ApiCallLimiter;
  /** Đ8.2d: copies of mail from old IMAP servers, run in the background (proxy/migration). */
  migrations: Migrations;
}
