import { randomBytes } from 'node:crypto';
import { request as httpsRequest } from 'node:https';
import { isProxyAnswer, mayRetryOnce, RETRY_DELAY_MS } from '../../common/contract/retry';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  json<T = unknown>(): T;
}

/**
 * A client that behaves as the SPA does towards https://host:port (client/api/http.ts): one
 * session cookie, the CSRF header, and a request sent once more — never more — when the
 * balancer's instance stopped under it and the operation cannot act twice (the shared rule in
 * common/contract/retry.ts). `retries` counts those second sends.
 */
export function browserLikeClient(base: string, ca: Buffer) {
  const origin = new URL(base).origin;
  let cookie = '';
  let csrf = 'login';
  const state = { retries: 0, sent: 0 };

  function once(
    method: string,
    url: string,
    body: Buffer | null,
    headers: Record<string, string>,
  ): Promise<Answer> {
    state.sent += 1;
    return new Promise((resolve, reject) => {
      const req = httpsRequest(
        `${base}${url}`,
        {
          method,
          ca,
          headers: {
            origin,
            'x-csrf-token': csrf,
            'accept-language': 'vi',
            ...(cookie ? { cookie } : {}),
            ...(body ? { 'content-length': String(body.length) } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const data = Buffer.concat(chunks);
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: data,
              json: <T>() => JSON.parse(data.toString('utf8')) as T,
            });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      if (body) req.end(body);
      else req.end();
    });
  }

  async function send(
    method: string,
    url: string,
    options: { json?: unknown; body?: Buffer; headers?: Record<string, string>; idempotent?: boolean } = {},
  ): Promise<Answer> {
    const headers = { ...options.headers };
    let body: Buffer | null = options.body ?? null;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = Buffer.from(JSON.stringify(options.json));
    }
    const request = { method, idempotent: options.idempotent === true };
    let answer: Answer;
    try {
      answer = await once(method, url, body, headers);
    } catch (err) {
      if (!mayRetryOnce(request, { kind: 'network' })) throw err;
      state.retries += 1;
      await new Promise((r) => setTimeout(r, RETRY_DELAY_MS));
      return once(method, url, body, headers);
    }
    const failure = {
      kind: 'status',
      status: answer.status,
      fromProxy: isProxyAnswer(String(answer.headers['content-type'] ?? '')),
    } as const;
    if (answer.status >= 500 && mayRetryOnce(request, failure)) {
      state.retries += 1;
      await new Promise((r) => setTimeout(r, RETRY_DELAY_MS));
      return once(method, url, body, headers);
    }
    return answer;
  }

  return {
    state,
    /** The session cookie as the browser sends it (for an event stream of its own). */
    cookie: () => cookie,
    send,
    get: (url: string) => send('GET', url),
    async logIn(email: string, password: string) {
      const res = await send('POST', '/api/session', { json: { email, password } });
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.body.toString()}`);
      const setCookie = [res.headers['set-cookie'] ?? []].flat();
      const session = setCookie.find((c) => c.startsWith('bp_session='));
      if (!session) throw new Error('no session cookie');
      cookie = session.split(';')[0] ?? '';
      csrf = res.json<{ csrfToken: string }>().csrfToken;
    },
    /** One file as a browser's FormData sends it. */
    upload(url: string, file: { name: string; type: string; bytes: Buffer }) {
      const boundary = `----bp${randomBytes(8).toString('hex')}`;
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
        ),
        file.bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return send('POST', url, {
        body,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
    },
  };
}
