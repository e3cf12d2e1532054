import { describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../../common/contract';
import { ApiError } from '../errors';
import { mapLoginError, mapSessionError } from './imap-errors';

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

describe('mapSessionError', () => {
  it.each(['InvalidStringValue', 'InvalidSequenceSet', 'InvalidSearchQuery'])(
    'maps imapflow refusing to send a value (%s, e.g. a folder name with CR/LF or NUL) to 400 validation_failed',
    (code) => {
      const err = mapSessionError(
        Object.assign(new Error('Unquotable character in IMAP string value'), { code }),
      );
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).code).toBe('validation_failed');
      expect(ERROR_STATUS.validation_failed).toBe(400);
    },
  );
  it('leaves an unknown failure to the error handler (a 500 that is logged)', () => {
    const err = new Error('something else');
    expect(mapSessionError(err)).toBe(err);
  });
});
