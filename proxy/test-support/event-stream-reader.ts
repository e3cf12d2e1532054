import { type IncomingMessage, request } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LiveEvent } from '../../common/contract';

/** A GET over a socket of its own (no keep-alive pool: a closed reader leaves nothing open). */
function get(url: string, headers: Record<string, string>, ca?: Buffer): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = url.startsWith('https:')
      ? httpsRequest(url, { headers, agent: false, ca }, resolve)
      : request(url, { headers, agent: false }, resolve);
    req.on('error', reject).end();
  });
}

/**
 * For tests and measurements: reads /api/events over a real socket (inject cannot stream) and
 * parses the SSE frames as a browser's EventSource would.
 */
export async function openEventReader(url: string, cookie?: string, ca?: Buffer) {
  const res = await get(url, { accept: 'text/event-stream', ...(cookie ? { cookie } : {}) }, ca);
  const received: { event: LiveEvent; at: number }[] = [];
  const waiters = new Set<() => void>();
  let ended = false;
  let comments = 0;
  let body = '';

  const pump = (async () => {
    let buffer = '';
    try {
      for await (const chunk of res.setEncoding('utf8') as AsyncIterable<string>) {
        if (res.statusCode !== 200) {
          body += chunk;
          continue;
        }
        buffer += chunk;
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          const frame = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = frame
            .split('\n')
            .filter((l) => l.startsWith('data: '))
            .map((l) => l.slice(6))
            .join('\n');
          if (data) received.push({ event: JSON.parse(data) as LiveEvent, at: Date.now() });
          else if (frame.startsWith(':')) comments++;
          cut = buffer.indexOf('\n\n');
        }
        for (const wake of [...waiters]) wake();
      }
    } catch {
      // closed by close()
    }
    ended = true;
    for (const wake of [...waiters]) wake();
  })();

  function waitFor<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const wake = () => {
        const found = check();
        if (found !== undefined) {
          cleanup();
          resolve(found);
        } else if (ended) {
          cleanup();
          reject(new Error(`stream ended while waiting for ${what}`));
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(`no ${what} within ${timeoutMs} ms; got ${JSON.stringify(received.map((r) => r.event))}`),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(wake);
      };
      waiters.add(wake);
      wake();
    });
  }

  return {
    status: res.statusCode ?? 0,
    headers: res.headers,
    /** The answer's body when it was not a stream (an error), once the reader ended. */
    get body() {
      return body;
    },
    received,
    get comments() {
      return comments;
    },
    get ended() {
      return ended;
    },
    /** The first event since `from` (an index into `received`) that matches. */
    next<E extends LiveEvent>(
      match: (e: LiveEvent) => e is E,
      options: { from?: number; timeoutMs?: number } = {},
    ) {
      const from = options.from ?? 0;
      return waitFor(
        () => {
          const hit = received.slice(from).find((r) => match(r.event));
          return hit ? { event: hit.event as E, at: hit.at } : undefined;
        },
        options.timeoutMs ?? 10_000,
        'matching event',
      );
    },
    /** Resolves once the proxy ends the stream. */
    end(timeoutMs = 10_000) {
      return waitFor(() => (ended ? true : undefined), timeoutMs, 'end of stream').catch((err) => {
        if (ended) return true;
        throw err;
      });
    },
    async close() {
      res.destroy();
      await pump;
    },
  };
}

export type EventReader = Awaited<ReturnType<typeof openEventReader>>;

export const isEvent =
  <T extends LiveEvent['type']>(
    type: T,
    where: (e: Extract<LiveEvent, { type: T }>) => boolean = () => true,
  ) =>
  (e: LiveEvent): e is Extract<LiveEvent, { type: T }> =>
    e.type === type && where(e as Extract<LiveEvent, { type: T }>);
