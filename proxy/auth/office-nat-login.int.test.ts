import { describe, expect, it } from 'vitest';
import { startProxy, thanh } from '../test-support/proxy-harness';

const HOST = '127.0.0.1:8080';
const OFFICE = '203.0.113.7';
// nginx in front (TRUST_PROXY_HOPS=1): the socket is nginx's, the office is in X-Forwarded-For.
const fromOffice = {
  host: HOST,
  origin: `http://${HOST}`,
  'x-csrf-token': 'login',
  'x-forwarded-for': OFFICE,
};

describe('log-in throttle behind one office NAT address', () => {
  it('lets 200 people log in at once, yet stops a brute-force run from the same address', async () => {
    const proxy = await startProxy({ TRUST_PROXY_HOPS: '1' });
    try {
      const login = (email: string, password: string) =>
        proxy.app.inject({
          method: 'POST',
          url: '/api/session',
          headers: fromOffice,
          remoteAddress: '127.0.0.1',
          payload: { email, password },
        });

      // The test stack's Dovecot runs at most 100 imap processes, so the provider's "yes" is
      // stood in for here; what matters is that all 200 are in flight before any is answered.
      const realLogin = proxy.ctx.imap.login;
      const people = 200;
      let inFlight = 0;
      let releaseAll: () => void = () => {};
      const allInFlight = new Promise<void>((resolve) => {
        releaseAll = resolve;
      });
      proxy.ctx.imap.login = async () => {
        inFlight += 1;
        if (inFlight === people) releaseAll();
        await allInFlight;
      };
      const morning = await Promise.all(
        Array.from({ length: people }, (_, i) => login(`canbo${i}@binhphuoc.gov.vn`, 'Dung#MatKhau26')),
      );
      expect(morning.map((r) => r.statusCode)).toEqual(Array(people).fill(200));
      proxy.ctx.imap.login = realLogin;

      // A guesser from the same address, one wrong password per account, against the real provider:
      // the 30 failures (LOGIN_MAX_FAILURES_PER_IP) are refused, then the address is blocked.
      const guesses = await Promise.all(
        Array.from({ length: 30 }, (_, i) => login(`doan${i}@binhphuoc.gov.vn`, 'Sai#MatKhau99')),
      );
      expect(guesses.map((r) => r.statusCode)).toEqual(Array(30).fill(401));
      const blocked = await login(thanh().email, 'Sai#MatKhau99');
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.code).toBe('too_many_attempts');
    } finally {
      await proxy.close();
    }
  });

  it('still throttles parallel guesses at one account while they are in flight', async () => {
    const proxy = await startProxy({ TRUST_PROXY_HOPS: '1', LOGIN_MAX_FAILURES: '3' });
    try {
      const guesses = await Promise.all(
        Array.from({ length: 6 }, () =>
          proxy.app.inject({
            method: 'POST',
            url: '/api/session',
            headers: fromOffice,
            remoteAddress: '127.0.0.1',
            payload: { email: thanh().email, password: 'Sai#MatKhau99' },
          }),
        ),
      );
      const codes = guesses.map((r) => r.statusCode).sort();
      expect(codes).toEqual([401, 401, 401, 429, 429, 429]);
    } finally {
      await proxy.close();
    }
  });
});
