import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/**
 * The HTTP side of the simulated users: plain node:http(s) with one keep-alive pool shared by
 * every user (a browser keeps its own few sockets; what the proxy sees is the same: requests on
 * kept-alive connections), and each live-update stream on a socket of its own, as a browser's
 * EventSource holds one. Nothing is parsed that the user does not need: bodies are read to the
 * end and counted, JSON only when the user needs a value from it.
 */
export interface LoadTarget {
  origin: string;
  /** The balancer's certificate when origin is https (nginx with a self-signed one). */
  ca?: Buffer;
}

export interface Answer {
  status: number;
  body: Buffer;
  setCookie: string[];
}

/** A failed request as the tables count it: "HTTP 503 provider_unavailable", "ECONNRESET", "timeout". */
export class RequestFailure extends Error {
  constructor(readonly outcome: string) {
    super(outcome);
  }
}

const REQUEST_TIMEOUT_MS = 30_000;

export function loadClient(target: LoadTarget) {
  const secure = target.origin.startsWith('https:');
  const agentOptions = { keepAlive: true, maxSockets: 512, maxFreeSockets: 512, scheduling: 'lifo' as const };
  const pool = secure ? new HttpsAgent({ ...agentOptions, ca: target.ca }) : new HttpAgent(agentOptions);
  const request = secure ? httpsRequest : httpRequest;

  function send(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: Buffer,
    agent: HttpAgent | false = pool,
  ): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const req = request(`${target.origin}${path}`, {
        method,
        agent,
        ...(secure && target.ca && agent === false ? { ca: target.ca } : {}),
        headers: { ...headers, ...(body ? { 'content-length': String(body.length) } : {}) },
      });
      req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new RequestFailure('timeout')));
      req.once('response', resolve);
      req.once('error', reject);
      req.end(body);
    });
  }

  return {
    /** A request read to its end; a status outside 2xx is thrown as a RequestFailure. */
    async call(
      method: string,
      path: string,
      headers: Record<string, string>,
      body?: Buffer,
    ): Promise<Answer> {
      let res: IncomingMessage;
      try {
        res = await send(method, path, headers, body);
      } catch (err) {
        throw asFailure(err);
      }
      const chunks: Buffer[] = [];
      try {
        for await (const chunk of res) chunks.push(chunk as Buffer);
      } catch (err) {
        throw asFailure(err);
      }
      const answer = {
        status: res.statusCode ?? 0,
        body: Buffer.concat(chunks),
        setCookie: res.headers['set-cookie'] ?? [],
      };
      if (answer.status < 200 || answer.status > 299) throw new RequestFailure(statusOutcome(answer));
      return answer;
    },
    /**
     * Opens GET /api/events and reads it until closed. Resolves once the answer's headers came
     * (200), with a function that closes the stream; `ended` is called if the server ends it.
     */
    async openStream(path: string, headers: Record<string, string>, ended: (why: string) => void) {
      let res: IncomingMessage;
      try {
        res = await send('GET', path, { ...headers, accept: 'text/event-stream' }, undefined, false);
      } catch (err) {
        throw asFailure(err);
      }
      if (res.statusCode !== 200) {
        const chunks: Buffer[] = [];
        for await (const chunk of res) chunks.push(chunk as Buffer);
        throw new RequestFailure(statusOutcome({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      }
      let closing = false;
      // Read continuously, as EventSource does; the events themselves are not needed.
      res.on('data', () => undefined);
      res.once('end', () => closing || ended('stream ended'));
      res.once('error', (err) => closing || ended(asFailure(err).outcome));
      return () => {
        closing = true;
        res.destroy();
      };
    },
    close() {
      pool.destroy();
    },
  };
}

export type LoadClient = ReturnType<typeof loadClient>;

function statusOutcome(answer: { status: number; body: Buffer }): string {
  try {
    const parsed = JSON.parse(answer.body.toString('utf8')) as { error?: { code?: string } };
    if (parsed.error?.code) return `HTTP ${answer.status} ${parsed.error.code}`;
  } catch {
    // not the proxy's JSON (nginx's own error page, for one)
  }
  return `HTTP ${answer.status}`;
}

function asFailure(err: unknown): RequestFailure {
  if (err instanceof RequestFailure) return err;
  const code = (err as NodeJS.ErrnoException).code;
  return new RequestFailure(code ?? (err instanceof Error ? err.message : String(err)));
}
