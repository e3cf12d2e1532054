import type { FastifyBaseLogger } from 'fastify';
import type { LiveEvent } from '../../common/contract';
import type { Credentials, ImapPool } from '../mail/imap-pool';
import type { QuotaThresholds } from '../policy/quota-level';
import { type MailboxWatch, type WatchTimings, watchMailbox } from './mailbox-watch';

export interface LiveTimings extends WatchTimings {
  /** How long a user's watch outlives their last open tab (a reload should not start it anew). */
  lingerMs: number;
  /** SSE comment lines that keep reverse proxies from closing a quiet stream (most cut at 60 s). */
  heartbeatMs: number;
  /** How soon a stream notices that its session ended (log-out in another tab, expiry). */
  sessionCheckMs: number;
}

export const DEFAULT_LIVE_TIMINGS: LiveTimings = {
  folderPollMs: 60_000,
  reconnectMinMs: 1_000,
  reconnectMaxMs: 60_000,
  lingerMs: 30_000,
  heartbeatMs: 25_000,
  sessionCheckMs: 5_000,
};

export interface LiveListener {
  event(event: LiveEvent): void;
  rejected(code: 'not_authenticated' | 'account_suspended'): void;
}

interface UserWatch {
  watcher: MailboxWatch;
  listeners: Set<LiveListener>;
  lingerTimer?: NodeJS.Timeout;
}

/**
 * Live updates fan out from at most one watch per user (on their pooled IMAP connection, which
 * sits in IDLE between requests), however many tabs and devices of theirs hold an event stream:
 * the watch starts with the first stream and stops a little after the last one goes.
 */
export function createLiveHub(pool: ImapPool, thresholds: QuotaThresholds, log: FastifyBaseLogger) {
  const timings: LiveTimings = { ...DEFAULT_LIVE_TIMINGS };
  const users = new Map<string, UserWatch>();

  function stop(email: string, watch: UserWatch) {
    clearTimeout(watch.lingerTimer);
    if (users.get(email) === watch) users.delete(email);
    void watch.watcher.stop();
  }

  function start(creds: Credentials): UserWatch {
    const watch: UserWatch = { listeners: new Set(), watcher: undefined as unknown as MailboxWatch };
    watch.watcher = watchMailbox(pool, creds, {
      log,
      thresholds,
      timings: () => timings,
      events: {
        event: (event) => {
          for (const listener of [...watch.listeners]) listener.event(event);
        },
        rejected: (code) => {
          stop(creds.email, watch);
          for (const listener of [...watch.listeners]) listener.rejected(code);
        },
      },
    });
    return watch;
  }

  return {
    timings,

    /** Adds a stream's listener; the returned function removes it (`now`: the session ended). */
    subscribe(creds: Credentials, listener: LiveListener): (options?: { now?: boolean }) => void {
      let watch = users.get(creds.email);
      if (!watch) {
        watch = start(creds);
        users.set(creds.email, watch);
      } else {
        // The latest session knows the current password (a change reseals it), the first may not.
        watch.watcher.setCredentials(creds);
      }
      clearTimeout(watch.lingerTimer);
      watch.lingerTimer = undefined;
      watch.listeners.add(listener);
      // A watcher still starting says so to everyone when it is ready; one that already watches
      // covers this tab only from now on, so the tab reloads what it loaded a moment ago.
      if (watch.watcher.ready()) listener.event({ type: 'resync' });
      const current = watch;
      return ({ now = false } = {}) => {
        if (!current.listeners.delete(listener) || current.listeners.size > 0) return;
        if (now) return stop(creds.email, current);
        current.lingerTimer = setTimeout(() => stop(creds.email, current), timings.lingerMs);
        current.lingerTimer.unref();
      };
    },

    /** Users with a watch, and how many of those watch an open IMAP connection right now. */
    watchedUsers: () => users.size,
    idleConnections: () => [...users.values()].filter((w) => w.watcher.connected()).length,
    streamsOf: (email: string) => users.get(email)?.listeners.size ?? 0,
    /** Open event streams (browser tabs) across all users, for the operators' metrics. */
    openStreams: () => [...users.values()].reduce((n, w) => n + w.listeners.size, 0),

    async closeAll(): Promise<void> {
      const all = [...users.entries()];
      users.clear();
      await Promise.all(
        all.map(([, watch]) => {
          clearTimeout(watch.lingerTimer);
          return watch.watcher.stop();
        }),
      );
    },
  };
}

export type LiveHub = ReturnType<typeof createLiveHub>;
