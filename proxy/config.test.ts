import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to the regulation of Bình Phước', () => {
    const c = loadConfig({});
    expect(c.org.mailDomain).toBe('binhphuoc.gov.vn');
    expect(c.limits.attachmentMaxBytes).toBe(20 * 1024 * 1024);
    expect(c.limits.passwordMinLength).toBe(8);
    expect(c.cookieSecure).toBe(false); // http on loopback only
  });

  it('lets another province rename everything', () => {
    const c = loadConfig({
      MAIL_DOMAIN: 'dongnai.gov.vn',
      ORG_NAME: 'UBND tỉnh Đồng Nai',
      PUBLIC_URL: 'https://mail.dongnai.gov.vn',
    });
    expect(c.org.mailDomain).toBe('dongnai.gov.vn');
    expect(c.org.supportAddress).toBe('hotro@dongnai.gov.vn');
    expect(c.cookieSecure).toBe(true);
  });

  it('keeps the data key in DATA_DIR unless DATA_KEY_FILE names one', () => {
    expect(loadConfig({ DATA_DIR: '/var/lib/hop-thu' }).dataKeyFile).toBe('/var/lib/hop-thu/secret.key');
    expect(
      loadConfig({ DATA_DIR: '/var/lib/hop-thu', DATA_KEY_FILE: '/etc/hop-thu/secret.key' }).dataKeyFile,
    ).toBe('/etc/hop-thu/secret.key');
  });

  it('names every bad value at once', () => {
    expect(() => loadConfig({ PORT: 'abc', PASSWORD_MIN_LENGTH: '4' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'abc', PASSWORD_MIN_LENGTH: '4' });
    } catch (err) {
      expect((err as Error).message).toContain('PORT');
      expect((err as Error).message).toContain('PASSWORD_MIN_LENGTH');
    }
  });

  it('refuses a DATABASE_URL the driver cannot parse, without repeating its password', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://hopthu:s%23cret@127.0.0.1:5432/hopthu' }).databaseUrl).toBe(
      'postgres://hopthu:s%23cret@127.0.0.1:5432/hopthu',
    );
    let message = '';
    try {
      loadConfig({ DATABASE_URL: 'postgres://hopthu:s#cret@127.0.0.1:5432/hopthu' });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    expect(message).toContain('DATABASE_URL');
    expect(message).not.toContain('s#cret');
  });
});
