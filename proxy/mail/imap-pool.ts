import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import { isConnectionError, mapLoginError, mapSessionError } from './imap-errors';

export interface ImapServer {
  host: string;
  port: number;
  secure: boolean;
  allowInsecureTls: boolean;
  idleCloseMs: number;
}

export interface Credentials {
  email: string;
  password: string;
}

interface Entry {
  client: Promise<ImapFlow>;
  creds: Credentials;
  passwordHash: string;
  /** Requests and background work running on it: it is never closed under them. */
  inFlight: number;
  /** When a request last ended (0: none yet); background work does not count as use. */
  lastUsed: number;
  /** A request ended since the holder was last told that the connection is free. */
  requestEnded: boolean;
  /** Replaced or idle: closed as soon as nothing runs on it. */
  retired: boolean;
}

/** Whoever keeps a user's connection open between requests (the live updates). */
interface Holder {
  creds: Credentials;
  /** The last request on the connection ended: nothing of the user's runs on it now. */
  free: () => void;
}

/** How every connection to the provider is made. */
export function imapClientOptions(server: ImapServer, creds: Credentials): ImapFlowOptions {
  return {
    host: server.host,
    port: server.port,
    secure: server.secure,
    auth: { user: creds.email, pass: creds.password },
    logger: false,
    tls: { rejectUnauthorized: !server.allowInsecureTls },
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 5 * 60_000,
    // Between requests the connection sits in IDLE on the mailbox it has open, which is how live
    // updates hear of new mail without a connection of their own: back in IDLE soon after a
    // request, so that nothing waits for the next command…
    autoIdleDelay: 500,
    // …and re-issued well before servers' 30-minute inactivity limit (RFC 2177).
    maxIdleTime: 4 * 60_000,
  };
}

const hashPassword = (p: string) => createHash('sha256').update(p).digest('hex');

/**
 * One IMAP connection per user, shared by all of that user's requests, tabs and live updates
 * (imapflow queues commands and mailbox locks on it). A connection is reopened when it drops and
 * closed after a quiet period unless live updates hold it, so an idle civil servant with no tab
 * open costs the provider nothing.
 */
export function createImapPool(server: ImapServer, log: FastifyBaseLogger) {
  const entries = new Map<string, Entry>();
  const holders = new Map<string, Holder>();

  function connect(creds: Credentials): Promise<ImapFlow> {
    const client = new ImapFlow(imapClientOptions(server, creds));
    client.on('error', (err: unknown) => log.warn({ err, user: creds.email }, 'imap connection error'));
    return client.connect().then(
      () => client,
      (err: unknown) => {
        throw mapLoginError(err);
      },
    );
  }

  /** Closes an entry once its last request (or stream) is done; never under a running request. */
  function retire(email: string, entry: Entry) {
    if (entries.get(email) === entry) entries.delete(email);
    entry.retired = true;
    if (entry.inFlight === 0) close(entry);
  }

  function close(entry: Entry) {
    entry.client.then((c) => c.logout().catch(() => c.close())).catch(() => undefined);
  }

  /** The pool's idle close: nothing runs on it, no holder, and no request for idleCloseMs. */
  function closeIfIdle(email: string, entry: Entry) {
    if (entry.inFlight > 0 || holders.has(email) || entry.retired) return;
    if (entry.lastUsed < Date.now() - server.idleCloseMs) retire(email, entry);
  }

  function newEntry(creds: Credentials, usedAt: number): Entry {
    const entry: Entry = {
      client: connect(creds),
      creds,
      passwordHash: hashPassword(creds.password),
      inFlight: 0,
      lastUsed: usedAt,
      requestEnded: false,
      retired: false,
    };
    const forget = () => {
      if (entries.get(creds.email) === entry) entries.delete(creds.email);
    };
    entry.client.then((c) => c.on('close', forget), forget);
    return entry;
  }

  /** Puts a verified connection into the pool, retiring the one it replaces. */
  function adopt(email: string, entry: Entry) {
    const old = entries.get(email);
    entries.set(email, entry);
    const holder = holders.get(email);
    if (holder) holder.creds = entry.creds;
    if (old && old !== entry) retire(email, old);
  }

  function entryFor(creds: Credentials, background: boolean): Entry {
    const existing = entries.get(creds.email);
    if (existing && existing.passwordHash === hashPassword(creds.password)) return existing;
    const entry = newEntry(creds, background ? 0 : Date.now());
    if (!existing) {
      entries.set(creds.email, entry); // parallel first requests share the connection being opened
    } else {
      // Another password than the pooled connection's (changed elsewhere): it must prove itself on
      // its own connection, and replaces the pooled one only when it works.
      entry.client.then(() => adopt(creds.email, entry)).catch(() => undefined);
    }
    return entry;
  }

  async function runOn<T>(
    entry: Entry,
    fn: (client: ImapFlow) => Promise<T>,
    { busyWhile, background }: RunOptions<T>,
  ): Promise<T> {
    entry.inFlight++;
    let stream: Readable | undefined;
    const done = () => {
      entry.inFlight--;
      if (!background) {
        entry.lastUsed = Date.now();
        entry.requestEnded = true;
      }
      if (entry.inFlight > 0) return;
      if (entry.retired) return close(entry);
      const email = entry.creds.email;
      if (entry.requestEnded && entries.get(email) === entry) {
        entry.requestEnded = false;
        holders.get(email)?.free();
      }
      closeIfIdle(email, entry);
    };
    try {
      const client = await entry.client;
      if (!client.usable) throw Object.assign(new Error('connection not usable'), { code: 'NoConnection' });
      const result = await fn(client);
      stream = busyWhile?.(result);
      return result;
    } finally {
      // A streamed download keeps the connection busy (and safe from the idle sweeper) until it ends.
      if (stream && !stream.destroyed) stream.once('close', done);
      else done();
    }
  }

  /** Runs fn on the user's connection, retrying once on a fresh one if the old one had died. */
  async function use<T>(creds: Credentials, fn: (client: ImapFlow) => Promise<T>, options: RunOptions<T>) {
    const entry = entryFor(creds, options.background);
    try {
      return await runOn(entry, fn, options);
    } catch (err) {
      if (!isConnectionError(err)) throw mapSessionError(err);
      retire(creds.email, entry);
      try {
        return await runOn(entryFor(creds, options.background), fn, options);
      } catch (retryErr) {
        throw mapSessionError(retryErr);
      }
    }
  }

  const sweeper = setInterval(
    () => {
      for (const [email, entry] of entries) closeIfIdle(email, entry);
    },
    Math.min(30_000, server.idleCloseMs),
  );
  sweeper.unref();

  return {
    /**
     * Verifies credentials at the provider on a connection of their own, which joins the pool only
     * once the password is right: a wrong guess never disturbs the owner's open connection.
     */
    async login(creds: Credentials): Promise<void> {
      const entry = newEntry(creds, Date.now());
      await entry.client;
      adopt(creds.email, entry);
    },

    /** Checks a password at the provider on a throw-away connection; the pool is not touched. */
    async verify(creds: Credentials): Promise<void> {
      const client = await connect(creds);
      await client.logout().catch(() => client.close());
    },

    /**
     * Runs fn on the user's connection, retrying once on a fresh one if the old one had died.
     * `busyWhile` names a stream the result carries; the connection counts as in use until it ends.
     */
    withClient<T>(
      creds: Credentials,
      fn: (client: ImapFlow) => Promise<T>,
      busyWhile?: (result: T) => Readable | undefined,
    ): Promise<T> {
      return use(creds, fn, { busyWhile, background: false });
    },

    /**
     * Keeps the user's connection open while live updates watch it: no idle close until the hold
     * is released, after which the idle close counts from the last request as usual. `free` is
     * called whenever the user's last running request ends. One holder per user.
     */
    hold(creds: Credentials, free: () => void): ConnectionHold {
      const holder: Holder = { creds, free };
      holders.set(creds.email, holder);
      return {
        run: (fn) => use(holder.creds, fn, { background: true }),
        setCredentials(next) {
          holder.creds = next;
        },
        release() {
          if (holders.get(creds.email) !== holder) return;
          holders.delete(creds.email);
          const entry = entries.get(creds.email);
          if (entry) closeIfIdle(creds.email, entry);
        },
      };
    },

    /**
     * Closes the user's connection (log-out, password change, suspension). `next`: the password
     * that replaces the one it logged in with, for a holder that opens it again.
     */
    async release(email: string, next?: Credentials): Promise<void> {
      const holder = holders.get(email);
      if (holder && next) holder.creds = next;
      const entry = entries.get(email);
      if (entry) retire(email, entry);
    },

    size: () => entries.size,

    async closeAll(): Promise<void> {
      clearInterval(sweeper);
      holders.clear();
      const all = [...entries.entries()];
      entries.clear();
      await Promise.all(all.map(([, e]) => e.client.then((c) => c.logout()).catch(() => undefined)));
    },
  };
}

interface RunOptions<T> {
  /** A stream the result carries; the connection counts as in use until it ends. */
  busyWhile?: (result: T) => Readable | undefined;
  /** Work of a holder's own (live updates): not a use that keeps the connection from closing. */
  background: boolean;
}

/** A user's connection kept open between requests; see `hold`. */
export interface ConnectionHold {
  /** Runs fn on the user's connection, opened with the newest password the pool knows if needed. */
  run<T>(fn: (client: ImapFlow) => Promise<T>): Promise<T>;
  /** A newer password (a later log-in): used when the connection is next opened. */
  setCredentials(next: Credentials): void;
  release(): void;
}

export type ImapPool = ReturnType<typeof createImapPool>;
