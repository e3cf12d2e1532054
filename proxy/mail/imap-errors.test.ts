import { describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../../common/contract';
import { mapLoginError } from './imap-errors';

describe('mapLoginError', () => {
  it('maps Dovecot CONTACTADMIN to account_suspended with the recorded reason (Đ6.1)', () => {
    const err = mapLoginError({
      authenticationFailed: true,
      serverResponseCode: 'CONTACTADMIN',
      responseText: '[CONTACTADMIN] Tam khoa do khong hoat dong 6 thang',
    });
    expect(err.code).toBe('account_suspended');
    expect(ERROR_STATUS[err.code]).toBe(423);
    expect(err.details).toEqual({ reason: 'Tam khoa do khong hoat dong 6 thang' });
  });
  it('maps a plain authentication failure to invalid_credentials', () => {
    expect(
      mapLoginError({ authenticationFailed: true, serverResponseCode: 'AUTHENTICATIONFAILED' }).code,
    ).toBe('invalid_credentials');
  });
  it('maps a refused connection to provider_unavailable', () => {
    const err = mapLoginError({ code: 'ECONNREFUSED' });
    expect(err.code).toBe('provider_unavailable');
    expect(ERROR_STATUS[err.code]).toBe(503);
  });
});
