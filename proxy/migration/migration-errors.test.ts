import { describe, expect, it } from 'vitest';
import { oldServerError } from './migration-errors';

describe('errors of the old server', () => {
  it.each([
    [{ code: 'ENOTFOUND' }, 'migration_host_unknown'],
    [{ code: 'ECONNREFUSED' }, 'migration_connection_refused'],
    [{ code: 'CONNECT_TIMEOUT' }, 'migration_timeout'],
    [{ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, 'migration_tls_self_signed'],
    [{ code: 'CERT_HAS_EXPIRED' }, 'migration_tls_expired'],
    [{ code: 'ERR_SSL_WRONG_VERSION_NUMBER' }, 'migration_tls_failed'],
    [{ code: 'ERR_TLS_CERT_ALTNAME_INVALID' }, 'migration_tls_failed'],
    [{ authenticationFailed: true }, 'migration_login_failed'],
    [{ code: 'ECONNRESET' }, 'migration_connection_lost'],
    [{ code: 'NoConnection' }, 'migration_connection_lost'],
  ])('%o → %s', (err, code) => {
    expect(oldServerError(err, 'mail.cu').code).toBe(code);
  });

  it('names the host where the text quotes it', () => {
    expect(oldServerError({ code: 'ENOTFOUND' }, 'mail.cu').details).toEqual({ host: 'mail.cu' });
  });
});
