import type { FastifyBaseLogger } from 'fastify';
import { type FetchMessageObject, ImapFlow, type StatusObject } from 'imapflow';
import type { LiveEvent, QuotaInfo } from '../../common/contract';
import { mapLoginError } from '../mail/imap-errors';
import { type Credentials, type ImapServer, imapClientOptions } from '../mail/imap-pool';
import { toAddress } from '../mail/message-mapping';
import { readQuota } from '../mail/read-quota';
import type { QuotaThresholds } from '../policy/quota-level';
import { type FolderState, folderChanges, sameFolderState } from './folder-state';

export interface WatcherTimings {
  /** How often the other folders' counts are read (one LIST-STATUS for all of them). */
  folderPollMs: number;
  /** Back-off between attempts when the provider dropped or refused the connection. */
  reconnectMinMs: number;
  reconnectMaxMs: number;
}

export interface WatcherEvents {
  event(event: LiveEvent): void;
  /** The provider no longer takes the password, or suspended the mailbox: nothing to retry. */
  rejected(code: 'not_authenticated' | 'account_suspended'): void;
}

const INBOX = 'INBOX';
const STATUS_ITEMS = { messages: true, unseen: true, uidNext: true, highestModseq: true } as const;
/** A burst (a mailing list, a bulk import) announces its newest few; the counts tell the rest. */
const MAX_NEW_MAIL_EVENTS = 5;
/** IDLE, EXPUNGE and FETCH FLAGS responses come in bursts: one look after the burst is enough. */
const SETTLE_MS = 100;

/**
 * One user's dedicated IMAP connection for live updates, apart from the pooled one that serves
 * requests (which is busy and selects whatever folder a request needs). It EXAMINEs INBOX (read
 * only: watching must never change \Recent or \Seen) and sits in IDLE, which imapflow re-enters
 * on its own after each of our commands; the other folders are looked at with one LIST-STATUS
 * every `folderPollMs`. Dovecot 2.3 also offers NOTIFY (RFC 5465), but imapflow has no NOTIFY
 * command and drops unsolicited STATUS responses, so polling is what works without its internals.
 */
export function createMailboxWatcher(
  server: ImapServer,
  initial: Credentials,
  options: {
    log: FastifyBaseLogger;
    thresholds: QuotaThresholds;
    timings: () => WatcherTimings;
    events: WatcherEvents;
  },
) {
  const { log, events } = options;
  let creds = initial;
  let client: ImapFlow | null = null;
  let stopped = false;
  let attempts = 0;
  let ready = false;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let pollTimer: NodeJS.Timeout | undefined;
  let settleTimer: NodeJS.Timeout | undefined;
  let folders = new Map<string, FolderState>();
  let quota: QuotaInfo | null = null;
  // Commands of ours run one after another: each look compares with the state the last one left.
  let queue: Promise<void> = Promise.resolve();

  function enqueue(task: (c: ImapFlow) => Promise<void>) {
    queue = queue.then(async () => {
      const c = client;
      if (!c || stopped || !c.usable) return;
      try {
        await task(c);
      } catch (err) {
        log.debug({ err, user: creds.email }, 'live update look failed');
      }
    });
  }

  async function open() {
    reconnectTimer = undefined;
    if (stopped) return;
    const c = new ImapFlow({
      ...imapClientOptions(server, creds),
      // Back in IDLE soon after our own look, so that nothing waits for the next command.
      autoIdleDelay: 500,
      // RFC 2177: re-issue IDLE well before servers' 30-minute inactivity limit.
      maxIdleTime: 4 * 60_000,
    });
    c.on('error', (err: unknown) => log.warn({ err, user: creds.email }, 'live imap connection error'));
    c.on('close', () => closed(c));
    try {
      await c.connect();
    } catch (err) {
      const mapped = mapLoginError(err);
      if (mapped.code === 'invalid_credentials') return events.rejected('not_authenticated');
      if (mapped.code === 'account_suspended') return events.rejected('account_suspended');
      return retryLater();
    }
    try {
      await c.mailboxOpen(INBOX, { readOnly: true });
    } catch (err) {
      log.warn({ err, user: creds.email }, 'live updates could not examine INBOX');
      c.close();
      return retryLater();
    }
    if (stopped) {
      await c.logout().catch(() => c.close());
      return;
    }
    client = c;
    attempts = 0;
    c.on('exists', (e: { path: string }) => e.path === INBOX && inboxMoved());
    c.on('expunge', (e: { path: string }) => e.path === INBOX && inboxMoved());
    c.on('flags', (e: { path: string }) => e.path === INBOX && inboxMoved());
    enqueue(async (c) => {
      folders = await readFolders(c);
      quota = await readQuota(c, options.thresholds);
      ready = true;
      // From here on every change is announced; what changed before (since the tabs loaded what
      // they show, or while the connection was down) is not, so the tabs reload it once.
      events.event({ type: 'resync' });
    });
    pollTimer = setInterval(() => enqueue(pollFolders), options.timings().folderPollMs);
    pollTimer.unref();
  }

  function closed(c: ImapFlow) {
    if (client !== c) return;
    client = null;
    ready = false;
    clearInterval(pollTimer);
    clearTimeout(settleTimer);
    settleTimer = undefined;
    retryLater();
  }

  function retryLater() {
    if (stopped || reconnectTimer) return;
    const { reconnectMinMs, reconnectMaxMs } = options.timings();
    const base = Math.min(reconnectMaxMs, reconnectMinMs * 2 ** attempts);
    attempts++;
    // Jitter, so that a Dovecot restart is not met by every user's watcher in the same second.
    reconnectTimer = setTimeout(open, base / 2 + Math.random() * (base / 2));
    reconnectTimer.unref();
  }

  function inboxMoved() {
    if (settleTimer) return;
    settleTimer = setTimeout(() => {
      settleTimer = undefined;
      enqueue(lookAtInbox);
    }, SETTLE_MS);
    settleTimer.unref();
  }

  async function lookAtInbox(c: ImapFlow) {
    const status = await c.status(INBOX, STATUS_ITEMS);
    if (!status) return;
    const state = toFolderState(INBOX, status);
    if (!sameFolderState(folders.get(INBOX), state)) await changed(c, state);
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
    if (diff.foldersChanged) events.event({ type: 'folders_changed' });
    await lookAtQuota(c);
  }

  async function changed(c: ImapFlow, state: FolderState) {
    const before = folders.get(state.path);
    folders.set(state.path, state);
    if (state.path === INBOX && before && state.uidNext > before.uidNext) {
      await announceNewMail(c, before.uidNext);
    }
    events.event({ type: 'mailbox_changed', path: state.path, exists: state.messages, unseen: state.unseen });
    if (state.path === INBOX && before?.messages !== state.messages) await lookAtQuota(c);
  }

  async function announceNewMail(c: ImapFlow, fromUid: number) {
    const fetched: FetchMessageObject[] = await c.fetchAll(
      `${fromUid}:*`,
      { uid: true, flags: true, envelope: true },
      { uid: true },
    );
    // "n:*" names the last message even when it is older than n.
    const fresh = fetched.filter((m) => m.uid >= fromUid && !m.flags?.has('\\Seen'));
    for (const m of fresh.slice(-MAX_NEW_MAIL_EVENTS)) {
      events.event({
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
    if (!same) events.event({ type: 'quota_changed', quota: next });
  }

  open();

  return {
    /** A newer password (changed in this session): used when the connection is next opened. */
    setCredentials(next: Credentials) {
      creds = next;
    },
    /** True while a logged-in connection is open (in IDLE or in one of our looks). */
    connected: () => client?.usable === true,
    /** Connected and holding the state that changes are measured against. */
    ready: () => ready && client?.usable === true,
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(reconnectTimer);
      clearTimeout(settleTimer);
      clearInterval(pollTimer);
      const c = client;
      client = null;
      if (c) await c.logout().catch(() => c.close());
    },
  };
}

export type MailboxWatcher = ReturnType<typeof createMailboxWatcher>;

async function readFolders(c: ImapFlow): Promise<Map<string, FolderState>> {
  const listed = await c.list({ statusQuery: STATUS_ITEMS });
  const states = new Map<string, FolderState>();
  for (const entry of listed) {
    if (!entry.status || entry.flags.has('\\Noselect') || entry.flags.has('\\NonExistent')) continue;
    const path = entry.path.toUpperCase() === INBOX ? INBOX : entry.path;
    states.set(path, toFolderState(path, entry.status));
  }
  return states;
}

function toFolderState(path: string, status: StatusObject): FolderState {
  return {
    path,
    messages: status.messages ?? 0,
    unseen: status.unseen ?? 0,
    uidNext: status.uidNext ?? 0,
    highestModseq: status.highestModseq ?? null,
  };
}
