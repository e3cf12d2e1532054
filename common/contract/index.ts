// The one contract between the SPA and the proxy: the proxy validates with these schemas, the client
// infers its types from them, and /api/openapi.json is generated from them.

export * from './api-clients';
export * from './compose';
export * from './console';
export * from './console-accounts';
export * from './console-audit';
export * from './console-directory';
export * from './console-import';
export * from './console-lifecycle';
export * from './console-maintenance';
export * from './console-problems';
export * from './console-report';
export * from './console-requests';
export * from './console-units';
export * from './contacts';
export * from './errors';
export * from './invitation';
export * from './live';
export * from './mail-import';
export * from './mailboxes';
export * from './malware';
export * from './message-actions';
export * from './message-parts';
export * from './message-signature';
export * from './messages';
export * from './migration';
export * from './pdf-signatures';
export * from './public-config';
export * from './quota';
export * from './reader-settings';
export * from './search';
export * from './sender-trust';
export * from './session';
export * from './settings';
export * from './sieve';
export * from './signing';
