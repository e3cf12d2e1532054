import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { LiveEvent, liveEventTypes, type MailboxList, type QuotaInfo } from '../../common/contract';
import { routeUrl } from '../../common/contract/route';
import { liveRoutes } from '../../common/routes/live';
import { mailboxKeys, messageKeys, quotaKeys, sessionKeys } from './keys';

export type NewMail = Extract<LiveEvent, { type: 'new_mail' }>;

/**
 * What a change pushed by the proxy does to the query cache. Counts are patched in place (the
 * folder list and the tab title follow at once); lists are invalidated, so the pages on screen are
 * fetched again and the rest refetch when next shown.
 */
export function applyLiveEvent(queryClient: QueryClient, event: LiveEvent): void {
  switch (event.type) {
    case 'mailbox_changed': {
      const cached = queryClient.getQueryData<MailboxList>(mailboxKeys.all);
      if (cached?.mailboxes.some((b) => b.path === event.path)) {
        queryClient.setQueryData<MailboxList>(mailboxKeys.all, {
          mailboxes: cached.mailboxes.map((b) =>
            b.path === event.path
              ? { ...b, total: event.exists ?? b.total, unread: event.unseen ?? b.unread }
              : b,
          ),
        });
      } else {
        void queryClient.invalidateQueries({ queryKey: mailboxKeys.all });
      }
      void queryClient.invalidateQueries({ queryKey: messageKeys.list(event.path) });
      return;
    }
    case 'new_mail':
      // Its mailbox_changed follows and refreshes the list; the notification is the caller's.
      return;
    case 'quota_changed':
      queryClient.setQueryData<QuotaInfo>(quotaKeys.current, event.quota);
      return;
    case 'folders_changed':
      void queryClient.invalidateQueries({ queryKey: mailboxKeys.all });
      return;
    case 'resync':
      resync(queryClient, Date.now());
      return;
    case 'session_ended':
      // The session query finds out how it ended (the log-in page shows if it did).
      void queryClient.invalidateQueries({ queryKey: sessionKeys.current });
      return;
  }
}

/**
 * The stream covers the mailbox from `since` on (it started, or came back after a gap): what was
 * loaded before may have missed a change, so it is fetched again; what is loading now is not.
 */
function resync(queryClient: QueryClient, since: number) {
  for (const queryKey of [mailboxKeys.all, messageKeys.lists(), quotaKeys.current]) {
    void queryClient.invalidateQueries(
      { queryKey, predicate: (q) => q.state.dataUpdatedAt < since },
      { cancelRefetch: false },
    );
  }
}

export interface EventSourceLike {
  onopen: ((this: EventSource, ev: Event) => unknown) | null;
  onerror: ((this: EventSource, ev: Event) => unknown) | null;
  addEventListener(type: string, listener: (ev: MessageEvent<string>) => void): void;
  close(): void;
}

export interface LiveConnectionOptions {
  onEvent: (event: LiveEvent) => void;
  createSource?: (url: string) => EventSourceLike;
  /** Back-off after a failed or broken stream: doubles from min to max, with jitter. */
  retryMinMs?: number;
  retryMaxMs?: number;
}

/**
 * One EventSource on /api/events for this tab. The browser's own retry is replaced by a back-off
 * (a proxy restart is not met by every tab in the same second, and a 401 stops the browser's
 * retries for good). Every stream, the first and each reconnection, starts with a `resync` from
 * the proxy once it watches, so nothing missed in between stays missed. Returns the closer.
 */
export function connectLiveEvents(options: LiveConnectionOptions): () => void {
  const create = options.createSource ?? ((url: string) => new EventSource(url));
  const min = options.retryMinMs ?? 1_000;
  const max = options.retryMaxMs ?? 60_000;
  let source: EventSourceLike | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempts = 0;
  let closed = false;

  const connect = () => {
    const current = create(routeUrl(liveRoutes.events));
    source = current;
    current.onopen = () => {
      attempts = 0;
    };
    for (const type of liveEventTypes) {
      current.addEventListener(type, (message) => {
        let data: unknown;
        try {
          data = JSON.parse(message.data);
        } catch {
          return;
        }
        const parsed = LiveEvent.safeParse(data);
        if (parsed.success) options.onEvent(parsed.data);
      });
    }
    current.onerror = () => {
      current.close();
      if (closed || source !== current) return;
      const base = Math.min(max, min * 2 ** attempts);
      attempts++;
      timer = setTimeout(connect, base / 2 + Math.random() * (base / 2));
    };
  };

  connect();
  return () => {
    closed = true;
    clearTimeout(timer);
    source?.close();
  };
}

/** Keeps this tab's caches in step with the mailbox while it is mounted (the mail screen). */
export function useLiveUpdates(options: { onNewMail?: (event: NewMail) => void } = {}): void {
  const queryClient = useQueryClient();
  const onNewMail = useRef(options.onNewMail);
  onNewMail.current = options.onNewMail;

  useEffect(() => {
    // jsdom and very old browsers: the app works as before, with its periodic refetches.
    if (typeof EventSource === 'undefined') return;
    return connectLiveEvents({
      onEvent: (event) => {
        applyLiveEvent(queryClient, event);
        if (event.type === 'new_mail') onNewMail.current?.(event);
      },
    });
  }, [queryClient]);
}
