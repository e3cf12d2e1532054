import { describe, expect, it } from 'vitest';
import { isStoreRefused, isStoreUnavailable } from './store-errors';

function pgError(code: string, message = 'from PostgreSQL'): Error {
  return Object.assign(new Error(message), { code });
}

describe('store errors at start', () => {
  it('takes a wrong password, role or database for a setting to fix, not an outage', () => {
    for (const code of ['28P01', '28000', '3D000']) {
      expect(isStoreRefused(pgError(code))).toBe(true);
      expect(isStoreUnavailable(pgError(code))).toBe(false);
    }
  });

  it('leaves a database that is down or restarting to the outage rule', () => {
    for (const code of ['ECONNREFUSED', '57P03', '08006']) {
      expect(isStoreRefused(pgError(code))).toBe(false);
      expect(isStoreUnavailable(pgError(code))).toBe(true);
    }
    expect(isStoreRefused('28P01')).toBe(false);
  });
});
