import type { FastifyBaseLogger } from 'fastify';
import type { ImapFlow } from 'imapflow';
import type { LiveEvent, QuotaInfo } from '../../common/contract';
import type { Credentials, ImapPool } from '../mail/imap-pool';
import { toAddress } from '../mail/message-mapping';
import { readQuota } from '../mail/read-quota';
import type { QuotaThresholds } from '../policy/quota-level';
import { type FolderState, folderChanges, sameFolderState } from './folder-state';
import {
  examineInbox,
  fetchNewInboxMail,
  INBOX,
  inboxExamined,
  readFolder,
  readFolders,
} from './mailbox-looks';

export interface WatchTimings {
  /** How often every folder's counts are read (one LIST-STATUS for all of them). */
  folderPollMs: number;
  /** Back-off between attempts when the provider dropped or refused the connection. */
  reconnectMinMs: number;
  reconnectMaxMs: number;
}

export interface WatchEvents {
  event(event: LiveEvent): void;
  /** The provider no longer takes the password, or suspended the mailbox: nothing to retry. */
  rejected(code: 'not_authenticated' | 'account_suspended'): void;
}

/** A burst (a mailing list, a bulk import) announces its newest few; the counts tell the rest. */
const MAX_NEW_MAIL_EVENTS = 5;
/** IDLE, EXPUNGE and FETCH FLAGS responses come in bursts: one look after the burst is enough. */
const SETTLE_MS = 100;

/**
 * Watches one user's mailbox on their pooled connection, the one that serves their requests, so
 * that a logged-in user costs the provider one IMAP connection. The pool keeps it open while the
 * watch holds it; between requests the watch EXAMINEs INBOX (read-only: watching never changes
 * \Recent or \Seen) and imapflow sits in IDLE there on its own. What IDLE reports of the selected
 * mailbox (EXISTS, EXPUNGE, FETCH FLAGS) is looked at with STATUS; INBOX while a request works in
 * another folder, and the other folders, are looked at with one LIST-STATUS every `folderPollMs`.
 * Dovecot 2.3 also offers NOTIFY (RFC 5465), but imapflow has no NOTIFY command and drops
 * unsolicited STATUS responses, so polling is what works without its internals.
 */
export function watchMailbox(
  pool: ImapPool,
  creds: Credentials,
  options: {
    log: FastifyBaseLogger;
    thresholds: QuotaThresholds;
    timings: () => WatchTimings;
    events: WatchEvents;
  },
) {
  const { log, events } = options;
  let stopped = false;
  let attached: ImapFlow | null = null;
  let detach: () => void = () => undefined;
  let ready = false;
  let attempts = 0;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let pollTimer: NodeJS.Timeout | undefined;
  let pollQueued = false;
  let settleTimer: NodeJS.Timeout | undefined;
  const moved = new Set<string>();
  let folders = new Map<string, FolderState>();
  let quota: QuotaInfo | null = null;
  // Looks run one after another: each compares with the state the last one left.
  let queue: Promise<void> = Promise.resolve();

  const hold = pool.hold(creds, backBetweenRequests);
  const emit = (event: LiveEvent) => {
    if (!stopped) events.event(event);
  };

  function enqueue(task: (c: ImapFlow) => Promise<void>): Promise<void> {
    queue = queue.then(async () => {
      if (stopped) return;
      try {
        await hold.run(async (c) => {
          if (stopped) return;
          if (c !== attached || !ready) await attach(c);
          if (!stopped) await task(c);
        });
      } catch (err) {
        failed(err);
      }
    });
    return queue;
  }

  function failed(err: unknown) {
    if (stopped) return;
    const code = (err as { code?: unknown } | undefined)?.code;
    if (code === 'not_authenticated' || code === 'account_suspended') return events.rejected(code);
    if (attached?.usable) log.debug({ err, user: creds.email }, 'live update look failed');
    else retryLater();
  }

  /** A connection of the user's that the watch has not seen yet: its baseline, then a resync. */
  async function attach(c: ImapFlow) {
    stopWatching();
    const onMoved = (e: { path: string }) => folderMoved(e.path);
    const onClose = () => {
      if (attached !== c) return;
      stopWatching();
      retryLater();
    };
    c.on('exists', onMoved);
    c.on('expunge', onMoved);
    c.on('flags', onMoved);
    c.on('close', onClose);
    attached = c;
    detach = () => {
      c.off('exists', onMoved);
      c.off('expunge', onMoved);
      c.off('flags', onMoved);
      c.off('close', onClose);
    };
    folders = await readFolders(c);
    quota = await readQuota(c, options.thresholds);
    await examineInbox(c);
    if (stopped || attached !== c) return;
    attempts = 0;
    ready = true;
    pollTimer = setInterval(schedulePoll, options.timings().folderPollMs);
    pollTimer.unref();
    // From here on every change is announced; what changed before (since the tabs loaded what
    // they show, or while the connection was down) is not, so the tabs reload it once.
    emit({ type: 'resync' });
  }

  function stopWatching() {
    detach();
    detach = () => undefined;
    attached = null;
    ready = false;
    clearInterval(pollTimer);
    clearTimeout(settleTimer);
    settleTimer = undefined;
    moved.clear();
  }

  function retryLater() {
    if (stopped || reconnectTimer) return;
    const { reconnectMinMs, reconnectMaxMs } = options.timings();
    const base = Math.min(reconnectMaxMs, reconnectMinMs * 2 ** attempts);
    attempts++;
    // Jitter, so that a Dovecot restart is not met by every user's watch in the same second.
    reconnectTimer = setTimeout(
      () => {
        reconnectTimer = undefined;
        void enqueue(async () => undefined);
      },
      base / 2 + Math.random() * (base / 2),
    );
    reconnectTimer.unref();
  }

  /** The user's last request ended: back to INBOX, and a look at what it missed meanwhile. */
  function backBetweenRequests() {
    if (stopped || (attached && ready && inboxExamined(attached))) return;
    void enqueue(async (c) => {
      await examineInbox(c);
      await lookAt(c, [INBOX]);
    });
  }

  function folderMoved(path: string) {
    if (stopped) return;
    moved.add(path.toUpperCase() === INBOX ? INBOX : path);
    if (settleTimer) return;
    settleTimer = setTimeout(() => {
      settleTimer = undefined;
      const paths = [...moved];
      moved.clear();
      void enqueue((c) => lookAt(c, paths));
    }, SETTLE_MS);
    settleTimer.unref();
  }

  function schedulePoll() {
    if (pollQueued) return;
    pollQueued = true;
    void enqueue(pollFolders).then(() => {
      pollQueued = false;
    });
  }

  /** Folders that the last look knew; a new one is the poll's to find (it changes the folder set). */
  async function lookAt(c: ImapFlow, paths: string[]) {
    for (const path of paths) {
      if (!folders.has(path)) continue;
      const state = await readFolder(c, path);
      if (state && !sameFolderState(folders.get(path), state)) await changed(c, state);
    }
  }

  async function pollFolders(c: ImapFlow) {
    const next = await readFolders(c);
    const diff = folderChanges(folders, next);
    const before = folders;
    folders = new Map(next);
    // changed() compares INBOX with what it knew, so it must see the old state there.
    const inbox = before.get(INBOX);
    if (inbox) folders.set(INBOX, inbox);
    for (const state of diff.changed) await changed(c, state);
    if (diff.foldersChanged) emit({ type: 'folders_changed' });
    await lookAtQuota(c);
  }

  async function changed(c: ImapFlow, state: FolderState) {
    const before = folders.get(state.path);
    folders.set(state.path, state);
    if (state.path === INBOX && before && state.uidNext > before.uidNext) {
      await announceNewMail(c, before.uidNext);
    }
    emit({ type: 'mailbox_changed', path: state.path, exists: state.messages, unseen: state.unseen });
    if (state.path === INBOX && before?.messages !== state.messages) await lookAtQuota(c);
  }

  async function announceNewMail(c: ImapFlow, fromUid: number) {
    const fresh = await fetchNewInboxMail(c, fromUid);
    for (const m of fresh.slice(-MAX_NEW_MAIL_EVENTS)) {
      emit({
        type: 'new_mail',
        path: INBOX,
        uid: m.uid,
        from: toAddress(m.envelope?.from?.[0]),
        subject: (m.envelope?.subject ?? '').normalize('NFC'),
      });
    }
  }

  async function lookAtQuota(c: ImapFlow) {
    const next = await readQuota(c, options.thresholds);
    const same =
      quota?.usedBytes === next.usedBytes &&
      quota.limitBytes === next.limitBytes &&
      quota.level === next.level;
    quota = next;
    if (!same) emit({ type: 'quota_changed', quota: next });
  }

  void enqueue(async () => undefined);

  return {
    /** A newer password (changed in this session): used when the connection is next opened. */
    setCredentials: (next: Credentials) => hold.setCredentials(next),
    /** True while the user's connection is open and watched (in IDLE, a request or a look). */
    connected: () => attached?.usable === true,
    /** Connected and holding the state that changes are measured against. */
    ready: () => ready && attached?.usable === true,
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(reconnectTimer);
      stopWatching();
      hold.release();
    },
  };
}

export type MailboxWatch = ReturnType<typeof watchMailbox>;
