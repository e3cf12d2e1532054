import type { ServerResponse } from 'node:http';
import type { ActiveSession } from '../auth/session-store';
import { openEventStream } from './event-stream';
import type { LiveHub } from './live-hub';

export interface LiveStreamDeps {
  hub: LiveHub;
  sessionAlive: (idHash: string) => Promise<boolean>;
  /** The provider refused the stored password or suspended the mailbox: the session ends. */
  endSession: (session: ActiveSession, code: 'not_authenticated' | 'account_suspended') => void;
}

/**
 * Serves one tab's event stream until the tab goes, the session ends or the proxy shuts down.
 * Returns the function that ends it from outside (shutdown).
 */
export function serveLiveStream(
  deps: LiveStreamDeps,
  session: ActiveSession,
  res: ServerResponse,
  headers: Record<string, unknown>,
): () => void {
  const { timings } = deps.hub;
  const stream = openEventStream(res, headers);
  let finished = false;

  const unsubscribe = deps.hub.subscribe(
    { email: session.email, password: session.password },
    {
      event: (event) => stream.send(event),
      rejected: (code) => {
        deps.endSession(session, code);
        finish(true);
      },
    },
  );

  // One timer per stream: the session check every few seconds, a heartbeat every ~25 s.
  let sinceHeartbeat = 0;
  let checking = false;
  const tick = async () => {
    if (!(await deps.sessionAlive(session.idHash))) return finish(true);
    sinceHeartbeat += timings.sessionCheckMs;
    if (sinceHeartbeat >= timings.heartbeatMs) {
      sinceHeartbeat = 0;
      stream.heartbeat();
    }
    if (stream.ended) finish(false);
  };
  const ticker = setInterval(() => {
    // A slow store must not pile checks up; one that cannot be reached ends no session: the
    // next tick asks again, and the tab's next request meets the same store anyway.
    if (checking || finished) return;
    checking = true;
    tick()
      .catch(() => undefined)
      .finally(() => {
        checking = false;
      });
  }, timings.sessionCheckMs);
  ticker.unref();

  function finish(sessionEnded: boolean) {
    if (finished) return;
    finished = true;
    clearInterval(ticker);
    if (sessionEnded) stream.send({ type: 'session_ended' });
    stream.end();
    unsubscribe({ now: sessionEnded });
  }

  // Not req's 'close': for a request without a body Node emits it as soon as the request is read.
  res.once('close', () => finish(false));
  return () => finish(false);
}
