import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBody, ERROR_STATUS } from '../../common/contract';
import { type FuzzRequest, hostileRequest } from '../test-support/api-fuzz/hostile-requests';
import { type OperationSpec, readOperations } from '../test-support/api-fuzz/operations';
import { takeSnapshot, type WorldSnapshot } from '../test-support/api-fuzz/world-snapshot';
import { consoleUser } from '../test-support/console-admin';
import { appendMessages, type FreshMailbox, freshMailbox } from '../test-support/fresh-mailbox';
import { logIn, startProxy } from '../test-support/proxy-harness';

/**
 * Every operation of the API document the running app generates gets hostile requests (see
 * test-support/api-fuzz/hostile-requests.ts for what, and why only refusable ones act): the answer
 * is never a 5xx nor a dropped request, a refusal has the project's error shape with a known code
 * at the status the contract gives it, and neither the mailbox nor the store changes. Logged in
 * as a user and as a console admin (second factor passed), so requests get past the session and
 * CSRF checks. `npm run fuzz` runs many more cases; FUZZ_SEED replays a failure.
 */
const runs = Number(process.env.FUZZ_RUNS ?? 3);
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const only = process.env.FUZZ_ONLY;

/** An event stream never ends: its only input is the session, which other tests cover. */
const STREAMS = new Set(['GET /api/events']);

const HOST = '127.0.0.1:8080';

const proxy = await startProxy({ MALWARE_SCAN: 'off' });
const operations = readOperations(proxy.app.swagger())
  .filter((op) => !STREAMS.has(`${op.method} ${op.path}`))
  .filter((op) => !only || `${op.method} ${op.path}`.includes(only));

describe('every API operation survives hostile input', () => {
  let owner: FreshMailbox;
  let admin: Awaited<ReturnType<typeof consoleUser>>;
  let user: Awaited<ReturnType<typeof logIn>>;
  /** The world after the previous operation: a change is blamed on the operation that made it. */
  let before: WorldSnapshot;

  beforeAll(async () => {
    console.info(
      `API fuzz: seed ${seed}, ${runs} cases per operation, ${operations.length} operations ` +
        `(replay: FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npm run fuzz)`,
    );
    owner = freshMailbox('fuzz');
    await owner.imap((client) =>
      appendMessages(client, 'INBOX', [
        { subject: 'Công văn số 1', flags: ['\\Seen'] },
        { subject: 'Công văn số 2', flags: ['\\Flagged'] },
      ]),
    );
    user = await logIn(proxy, owner.email, owner.password);
    admin = await consoleUser(proxy, { prefix: 'fuzz-admin' });
    before = await takeSnapshot(owner, proxy.ctx);
  });
  afterAll(async () => {
    await proxy.close();
    owner?.remove();
    admin?.remove();
  });

  const send = async (req: FuzzRequest, consoleRoute: boolean) => {
    const session = consoleRoute ? admin.client : user;
    const answer = proxy.app.inject({
      method: req.method as 'GET',
      url: req.url,
      headers: {
        host: HOST,
        origin: `http://${HOST}`,
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
        ...req.headers,
      },
      ...(req.payload !== undefined ? { payload: req.payload } : {}),
    });
    return await Promise.race([
      answer,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer in 20 s')), 20_000)),
    ]);
  };

  it.each(operations.map((op, index) => [`${op.method} ${op.path}`, op, index] as const))(
    '%s',
    async (_name, op: OperationSpec, index: number) => {
      await fc.assert(
        fc.asyncProperty(hostileRequest(op), async (req) => {
          const res = await send(req, op.path.startsWith('/api/console'));
          const problem = judge(req, res.statusCode, res.body);
          if (problem) throw new Error(`${req.method} ${shorten(req.url)} → ${problem}`);
        }),
        { numRuns: runs, seed: seed + index, endOnFailure: runs > 20 },
      );
      const health = await proxy.app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBeLessThan(500);
      expect(await takeSnapshot(owner, proxy.ctx), 'the mailbox and the store are as they were').toEqual(
        before,
      );
    },
    Math.max(120_000, runs * 3_000),
  );
});

/** What is wrong with an answer, or null. */
function judge(req: FuzzRequest, status: number, body: string): string | null {
  if (status >= 500) return `${status} ${shorten(body)}`;
  if (req.violation && (status < 400 || status >= 500)) {
    return `${status} although the request is invalid (${req.violation})`;
  }
  if (status < 400) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return `${status} with a body that is not JSON: ${shorten(body)}`;
  }
  const error = ApiErrorBody.safeParse(parsed);
  if (!error.success) return `${status} without the error shape: ${shorten(body)}`;
  const code = error.data.error.code;
  if (ERROR_STATUS[code] !== status)
    return `${status} with code ${code}, which the contract answers ${ERROR_STATUS[code]}`;
  return null;
}

function shorten(s: string): string {
  return s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s;
}
