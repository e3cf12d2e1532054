import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyBaseLogger } from 'fastify';
import { ImapFlow } from 'imapflow';
import type { SearchCriteria, SearchIndexProgress, SearchPage } from '../../common/contract';
import { type Credentials, type ImapServer, imapClientOptions } from '../mail/imap-pool';
import { syncFolder, unchangedSince } from './folder-sync';
import { decodeIndexCursor, encodeIndexCursor } from './index-cursor';
import { searchIndexed } from './indexed-search';
import { recheck } from './page-recheck';
import type { IndexEngine, UserIndex } from './user-index';

interface Build {
  done: Promise<void>;
  stop: boolean;
  indexed: number;
  total: number;
}

/** Small rounds and a pause between them: the build never holds the provider for long. */
const BUILD_BATCH = 100;
const BUILD_PAUSE_MS = 25;
/** A request brings a folder in step itself only for a few new messages; more is the build's job. */
const REQUEST_MAX_NEW = 200;

/**
 * The per-user search index: built in the background after log-in on a connection of its own
 * (never the user's pooled one), kept in step on each search, and used only when every folder in
 * scope is complete and in step; otherwise the scanning search answers.
 */
export function createSearchIndexService(engine: IndexEngine, server: ImapServer, log: FastifyBaseLogger) {
  const builds = new Map<string, Build>();
  const ready = new Map<string, boolean>();
  /** One sync at a time per user and folder: the build and a request never write the same folder. */
  const syncing = new Set<string>();

  const keyOf = (email: string) => email.normalize('NFC').toLowerCase();

  async function trySync(email: string, path: string, work: () => Promise<boolean>): Promise<boolean> {
    const key = `${keyOf(email)}\n${path}`;
    if (syncing.has(key)) return false;
    syncing.add(key);
    try {
      return await work();
    } finally {
      syncing.delete(key);
    }
  }

  async function runBuild(creds: Credentials, build: Build) {
    const index = engine.open(creds.email);
    const client = new ImapFlow(imapClientOptions(server, creds));
    client.on('error', (err: unknown) => log.warn({ err }, 'search index connection error'));
    await client.connect();
    try {
      const folders = await selectable(client);
      for (const path of folders) {
        const status = await client.status(path, { messages: true });
        build.total += status ? (status.messages ?? 0) : 0;
      }
      for (const known of await index.folders())
        if (!folders.includes(known.path)) await index.dropFolder(known.path);
      for (const path of folders) {
        if (build.stop) return;
        const before = (await index.uids(path)).length;
        build.indexed += before;
        await trySync(creds.email, path, () =>
          syncFolder(client, index, path, {
            batch: BUILD_BATCH,
            pause: () => sleep(BUILD_PAUSE_MS),
            onAdded: (n) => {
              build.indexed += n;
            },
          }),
        );
      }
      ready.set(keyOf(creds.email), true);
    } finally {
      await client.logout().catch(() => client.close());
    }
  }

  function start(creds: Credentials) {
    const key = keyOf(creds.email);
    if (builds.has(key)) return;
    const build: Build = { done: Promise.resolve(), stop: false, indexed: 0, total: 0 };
    build.done = runBuild(creds, build)
      .catch((err: unknown) => log.warn({ err }, 'search index build failed'))
      .finally(() => {
        if (builds.get(key) === build) builds.delete(key);
      });
    builds.set(key, build);
  }

  /** Every folder complete and, after a quick sync on the user's connection, in step. */
  async function inStep(client: ImapFlow, email: string, index: UserIndex, folders: string[]) {
    for (const path of folders) {
      const state = await index.folder(path);
      if (!state?.complete) return false;
      const status = await client.status(path, {
        uidValidity: true,
        uidNext: true,
        messages: true,
        highestModseq: true,
      });
      if (!status) return false;
      if (unchangedSince(state, status)) continue;
      const synced = await trySync(email, path, () =>
        syncFolder(client, index, path, { batch: BUILD_BATCH, maxNew: REQUEST_MAX_NEW }),
      );
      if (!synced) return false;
    }
    return true;
  }

  return {
    start,
    progress(email: string): SearchIndexProgress {
      const build = builds.get(keyOf(email));
      if (build) return { state: 'building', indexed: build.indexed, total: build.total };
      return ready.get(keyOf(email))
        ? { state: 'ready', indexed: 0, total: 0 }
        : { state: 'absent', indexed: 0, total: 0 };
    },

    /**
     * A search page from the index, or null when the scanning search must answer (index not
     * ready, a folder out of step, or a cursor of the scanning search's).
     */
    async search(
      client: ImapFlow,
      creds: Credentials,
      criteria: SearchCriteria,
      options: { timeZone: string },
    ): Promise<SearchPage | null> {
      const cursor = decodeIndexCursor(criteria.cursor);
      if (criteria.cursor && !cursor) return null;
      const folders = criteria.mailbox ? [criteria.mailbox] : await selectable(client);
      const index = engine.open(creds.email);
      if (!(await inStep(client, creds.email, index, folders))) {
        start(creds);
        return null;
      }
      const page = await searchIndexed(index, criteria, folders, {
        timeZone: options.timeZone,
        offset: cursor?.offset ?? 0,
      });
      const hits = await recheck(client, page.hits, criteria.unread === true);
      const total = page.nextOffset === null ? page.scanned : page.scanned + 1;
      return {
        hits,
        nextCursor:
          page.nextOffset === null
            ? null
            : encodeIndexCursor({ offset: page.nextOffset, scanned: page.scanned }),
        scanned: page.scanned,
        remaining: total - page.scanned,
      };
    },

    /** Resolves when the user's build (if one runs) has ended. */
    async settled(email: string): Promise<void> {
      await builds.get(keyOf(email))?.done;
    },

    /** Đ6.2: the index goes with the account (revocation, export then revocation). */
    async forget(email: string) {
      const key = keyOf(email);
      const build = builds.get(key);
      if (build) {
        build.stop = true;
        await build.done;
      }
      ready.delete(key);
      await engine.forget(email);
    },

    async close() {
      for (const build of builds.values()) build.stop = true;
      await Promise.all([...builds.values()].map((b) => b.done));
      engine.closeAll();
    },
  };
}

export type SearchIndexService = ReturnType<typeof createSearchIndexService>;

async function selectable(client: ImapFlow): Promise<string[]> {
  const listed = await client.list();
  const paths = listed
    .filter((m) => !m.flags.has('\\Noselect') && !m.flags.has('\\NonExistent'))
    .map((m) => m.path);
  // The inbox first: it is what users search most, and it is ready soonest.
  return [...paths.filter((p) => p === 'INBOX'), ...paths.filter((p) => p !== 'INBOX')];
}
