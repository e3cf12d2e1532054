import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { ImapFlow } from 'imapflow';
import { isConnectionError, mapImapError, mapLoginError } from './imap-errors';

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
    const client = new ImapFlow({
      host: server.host,
      port: server.port,
      secure: server.secure,
      auth: { user: creds.email, pass: creds.password },
      logger: false,
      tls: { rejectUnauthorized: !server.allowInsecureTls },
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 5 * 60_000,
    });
    client.on('error', (err: unknown) => log.warn({ err, user: creds.email }, 'imap connection error'));
    return client.connect().then(
      () => client,
      (err: unknown) => {
        throw mapLoginError(err);
      },
    );
  }

  function drop(email: string, entry: Entry) {
    if (entries.get(email) === entry) entries.delete(email);
    entry.client.then((c) => c.logout().catch(() => c.close())).catch(() => undefined);
  }

  function entryFor(creds: Credentials): Entry {
    const passwordHash = hashPassword(creds.password);
    const existing = entries.get(creds.email);
    // A session holding another password (changed elsewhere) must prove it with its own login.
    if (existing && existing.passwordHash === passwordHash) return existing;
    if (existing) drop(creds.email, existing);
    const entry: Entry = { client: connect(creds), passwordHash, inFlight: 0, lastUsed: Date.now() };
    entries.set(creds.email, entry);
    entry.client.then(
      (c) => c.on('close', () => entries.get(creds.email) === entry && entries.delete(creds.email)),
      () => entries.get(creds.email) === entry && entries.delete(creds.email),
    );
    return entry;
  }

  async function run<T>(creds: Credentials, fn: (client: ImapFlow) => Promise<T>): Promise<T> {
    const entry = entryFor(creds);
    entry.inFlight++;
    try {
      const client = await entry.client;
      if (!client.usable) throw Object.assign(new Error('connection not usable'), { code: 'NoConnection' });
      return await fn(client);
    } finally {
      entry.inFlight--;
      entry.lastUsed = Date.now();
    }
  }

  const sweeper = setInterval(
    () => {
      const cutoff = Date.now() - server.idleCloseMs;
      for (const [email, entry] of entries) {
        if (entry.inFlight === 0 && entry.lastUsed < cutoff) drop(email, entry);
      }
    },
    Math.min(30_000, server.idleCloseMs),
  );
  sweeper.unref();

  return {
    /** Verifies credentials at the provider; the connection stays in the pool for what follows. */
    async login(creds: Credentials): Promise<void> {
      const existing = entries.get(creds.email);
      if (existing) drop(creds.email, existing);
      await run(creds, async () => undefined);
    },

    /** Runs fn on the user's connection, retrying once on a fresh one if the old one had died. */
    async withClient<T>(creds: Credentials, fn: (client: ImapFlow) => Promise<T>): Promise<T> {
      try {
        return await run(creds, fn);
      } catch (err) {
        if (!isConnectionError(err)) throw mapImapError(err);
        const stale = entries.get(creds.email);
        if (stale) drop(creds.email, stale);
        try {
          return await run(creds, fn);
        } catch (retryErr) {
          throw mapImapError(retryErr);
        }
      }
    },

    /** Closes the user's connection (log-out, password change, suspension). */
    async release(email: string): Promise<void> {
      const entry = entries.get(email);
      if (entry) drop(email, entry);
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
