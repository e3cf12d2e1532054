import { describe, expect, it } from 'vitest';
import { DoveadmError, parseQuotaGetResponse, readAllQuotas } from './doveadm-quota';

const TAG = 'quota-warnings';
const row = (username: string, type: string, value: string, limit: string) => ({
  username,
  root: 'User quota',
  type,
  value,
  limit,
  percent: '0',
});

describe('parseQuotaGetResponse (doveadm quotaGet, allUsers)', () => {
  it('keeps the STORAGE rows, in bytes (doveadm counts kilobytes), one per mailbox', () => {
    const body = [
      [
        'doveadmResponse',
        [
          row('Quota1m.STTT@binhphuoc.gov.vn', 'STORAGE', '840', '1024'),
          row('quota1m.sttt@binhphuoc.gov.vn', 'MESSAGE', '1', '-'),
          row('sttt@binhphuoc.gov.vn', 'STORAGE', '10', '-'),
        ],
        TAG,
      ],
    ];
    expect(parseQuotaGetResponse(body, TAG)).toEqual([
      { email: 'quota1m.sttt@binhphuoc.gov.vn', usedBytes: 840 * 1024, limitBytes: 1024 * 1024 },
      { email: 'sttt@binhphuoc.gov.vn', usedBytes: 10 * 1024, limitBytes: null },
    ]);
  });

  it('takes the fullest quota root of a mailbox that has several', () => {
    const body = [
      [
        'doveadmResponse',
        [
          row('a@x.vn', 'STORAGE', '100', '1000'),
          { ...row('a@x.vn', 'STORAGE', '90', '100'), root: 'Archive' },
        ],
        TAG,
      ],
    ];
    expect(parseQuotaGetResponse(body, TAG)).toEqual([
      { email: 'a@x.vn', usedBytes: 90 * 1024, limitBytes: 100 * 1024 },
    ]);
  });

  it.each([
    ['an error reply', [['error', { type: 'exitCode', exitCode: 75 }, TAG]], /exit code 75/],
    ['no reply with our tag', [['doveadmResponse', [], 'other']], /no reply tagged/],
    ['not an array', { error: 'x' }, /no reply tagged/],
    [
      'an unreadable number',
      [['doveadmResponse', [row('a@x.vn', 'STORAGE', 'lots', '10')], TAG]],
      /unreadable/,
    ],
  ])('fails clearly on %s', (_name, body, message) => {
    expect(() => parseQuotaGetResponse(body, TAG)).toThrow(message);
  });
});

describe('readAllQuotas', () => {
  const target = (fetch: typeof globalThis.fetch) => ({
    url: 'http://127.0.0.1:1/doveadm/v1',
    apiKey: 'k3y',
    fetch,
  });

  it('posts quotaGet for all users with the API key, base64-encoded', async () => {
    let seen: RequestInit = {};
    const fetch = (async (_url: string, init?: RequestInit) => {
      seen = init ?? {};
      return Response.json([['doveadmResponse', [row('a@x.vn', 'STORAGE', '1', '2')], TAG]]);
    }) as typeof globalThis.fetch;
    await expect(readAllQuotas(target(fetch))).resolves.toHaveLength(1);
    expect((seen.headers as Record<string, string>).authorization).toBe(
      `X-Dovecot-API ${Buffer.from('k3y').toString('base64')}`,
    );
    expect(JSON.parse(String(seen.body))).toEqual([['quotaGet', { allUsers: true }, TAG]]);
  });

  it.each([
    ['a wrong key', async () => new Response('', { status: 401 }), 'doveadm_unauthorized'],
    ['a server error', async () => new Response('', { status: 500 }), 'doveadm_failed'],
    ['no server', async () => Promise.reject(new TypeError('fetch failed')), 'doveadm_unreachable'],
    ['HTML instead of JSON', async () => new Response('<html>'), 'doveadm_bad_response'],
  ])('names the failure on %s', async (_name, fake, code) => {
    const error = await readAllQuotas(target(fake as typeof globalThis.fetch)).catch((e) => e);
    expect(error).toBeInstanceOf(DoveadmError);
    expect(error.code).toBe(code);
  });

  it('refuses to ask without a key', async () => {
    await expect(readAllQuotas({ url: 'http://127.0.0.1:1/', apiKey: undefined })).rejects.toMatchObject({
      code: 'doveadm_not_configured',
    });
  });
});
