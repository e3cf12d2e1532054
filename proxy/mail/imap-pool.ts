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
  passwordHash: string;
  inFlight: number;
  lastUsed: number;
  /** Replaced or idle: closed as soon as nothing runs on it. */
  retired: boolean;
}

/** How every connection to the provider is made: the pool's and the live-update watcher's. */
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
  };
}

const hashPassword = (p: string) => createHash('sha256').update(p).digest('hex');

/**
 * One IMAP connection per user, shared by all of that user's requests and tabs (imapflow queues
 * commands and mailbox locks on it). A connection is reopened when it drops and closed after a
 * quiet period, so an idle civil servant costs the provider nothing.
 */
export function createImapPool(server: ImapServer, log: FastifyBaseLogger) {
  const entries = new Map<string, Entry>();

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

  function newEntry(creds: Credentials): Entry {
    const entry: Entry = {
      client: connect(creds),
      passwordHash: hashPassword(creds.password),
      inFlight: 0,
      lastUsed: Date.now(),
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
    if (old && old !== entry) retire(email, old);
  }

  function entryFor(creds: Credentials): Entry {
    const existing = entries.get(creds.email);
    if (existing && existing.passwordHash === hashPassword(creds.password)) return existing;
    const entry = newEntry(creds);
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
    busyWhile?: (result: T) => Readable | undefined,
  ): Promise<T> {
    entry.inFlight++;
    let stream: Readable | undefined;
    const done = () => {
      entry.inFlight--;
      entry.lastUsed = Date.now();
      if (entry.retired && entry.inFlight === 0) close(entry);
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

  const sweeper = setInterval(
    () => {
      const cutoff = Date.now() - server.idleCloseMs;
      for (const [email, entry] of entries) {
        if (entry.inFlight === 0 && entry.lastUsed < cutoff) retire(email, entry);
      }
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
      const entry = newEntry(creds);
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
    async withClient<T>(
      creds: Credentials,
      fn: (client: ImapFlow) => Promise<T>,
      busyWhile?: (result: T) => Readable | undefined,
    ): Promise<T> {
      const entry = entryFor(creds);
      try {
        return await runOn(entry, fn, busyWhile);
      } catch (err) {
        if (!isConnectionError(err)) throw mapSessionError(err);
        retire(creds.email, entry);
        try {
          return await runOn(entryFor(creds), fn, busyWhile);
        } catch (retryErr) {
          throw mapSessionError(retryErr);
        }
      }
    },

    /** Closes the user's connection (log-out, password change, suspension). */
    async release(email: string): Promise<void> {
      const entry = entries.get(email);
      if (entry) retire(email, entry);
    },

    size: () => entries.size,

    async closeAll(): Promise<void> {
      clearInterval(sweeper);
      const all = [...entries.entries()];
      entries.clear();
      await Promise.all(all.map(([, e]) => e.client.then((c) => c.logout()).catch(() => undefined)));
    },
  };
}

export type ImapPool = ReturnType<typeof createImapPool>;
