import { describe, expect, it } from 'vitest';
import { mayRetryOnce } from './retry';

const gateway = { kind: 'status', status: 502, fromProxy: false } as const;

describe('mayRetryOnce', () => {
  it('repeats a read or a keyed send after a gateway error or a dropped connection', () => {
    expect(mayRetryOnce({ method: 'GET' }, gateway)).toBe(true);
    expect(mayRetryOnce({ method: 'GET' }, { kind: 'network' })).toBe(true);
    expect(mayRetryOnce({ method: 'POST', idempotent: true }, gateway)).toBe(true);
    expect(mayRetryOnce({ method: 'DELETE' }, { kind: 'status', status: 504, fromProxy: false })).toBe(true);
  });

  it('never repeats a POST that could act twice', () => {
    expect(mayRetryOnce({ method: 'POST' }, gateway)).toBe(false);
    expect(mayRetryOnce({ method: 'POST' }, { kind: 'network' })).toBe(false);
  });

  it("never repeats the proxy's own answer: a refused send (502) or store_unavailable (503) is the user's to see", () => {
    expect(
      mayRetryOnce({ method: 'POST', idempotent: true }, { kind: 'status', status: 502, fromProxy: true }),
    ).toBe(false);
    expect(mayRetryOnce({ method: 'GET' }, { kind: 'status', status: 503, fromProxy: true })).toBe(false);
    expect(mayRetryOnce({ method: 'GET' }, { kind: 'status', status: 500, fromProxy: false })).toBe(false);
  });
});
