import type { FastifyBaseLogger } from 'fastify';
import { ApiError } from '../errors';
import type { Credentials, ImapServer } from '../mail/imap-pool';
import { type CopyLimits, CopyStopped } from './copy-folder';
import { type MigrationSecrets, openSecrets } from './migration-secret';
import type { MigrationJob, MigrationStore } from './migration-store';
import { runMigration } from './run-migration';

export interface RunnerOptions {
  store: MigrationStore;
  dataKey: Buffer;
  target: ImapServer;
  instance: string;
  log: Pick<FastifyBaseLogger, 'info' | 'warn'>;
  limits: CopyLimits;
  /** A job's lease: renewed every third of it, taken over by another instance once lapsed. */
  leaseMs: number;
  /** How often an idle instance looks for jobs (new ones, or ones a dead instance left). */
  pollMs: number;
  /** Jobs this instance runs at once: migrations wait rather than crowd out users' requests. */
  concurrency: number;
  retries: number;
  retryDelayMs: number;
  /**
   * How a unit's batch job (started by an admin, without the users' passwords) logs in to its new
   * mailbox: the provider's master user, read at each start so a rotated secret needs no restart.
   */
  masterLogin: (mailbox: string) => Credentials;
}

/**
 * Runs the queued migrations, a few at a time per instance. A job is claimed by a lease on its
 * row (migration-store.ts), so with several proxies on one store each job runs on one of them;
 * a proxy that dies leaves a lease that lapses and another proxy resumes the job from its last
 * recorded UID. Stopping the proxy gives the leases back at once, so a restart resumes at once.
 */
export function startMigrationRunner(options: RunnerOptions) {
  const { store } = options;
  const running = new Map<string, { stop: () => void; done: Promise<void> }>();
  let stopped = false;
  let ticking: Promise<void> | null = null;

  function masterSecrets(opened: MigrationSecrets, mailbox: string): MigrationSecrets | null {
    try {
      const login = options.masterLogin(mailbox);
      return { oldPassword: opened.oldPassword, targetUser: login.email, targetPassword: login.password };
    } catch (err) {
      if (err instanceof ApiError) return null;
      throw err;
    }
  }

  async function run(job: MigrationJob): Promise<void> {
    let stopping = false;
    const renew = async () => {
      if (stopping) return false;
      const held = await store.renew(job.id, options.instance, options.leaseMs).catch(() => false);
      if (!held) stopping = true;
      return held;
    };
    const heartbeat = setInterval(() => void renew(), Math.max(1_000, Math.floor(options.leaseMs / 3)));
    heartbeat.unref();
    const entry = {
      stop: () => {
        stopping = true;
      },
      done: Promise.resolve(),
    };
    running.set(job.id, entry);
    const opened = openSecrets(await store.secret(job.id), options.dataKey);
    try {
      if (!opened) {
        // The data key changed or the row was altered: the job cannot log in anywhere.
        await store.finish(job.id, 'failed', 'internal_error');
        return;
      }
      const secrets = job.batchId ? masterSecrets(opened, job.mailbox) : opened;
      if (!secrets) {
        await store.finish(job.id, 'failed', 'migration_master_unavailable');
        return;
      }
      const outcome = await runMigration(job, secrets, {
        store,
        target: options.target,
        limits: options.limits,
        retries: options.retries,
        retryDelayMs: options.retryDelayMs,
        keepGoing: async () => !stopping && (await renew()),
      });
      await store.finish(job.id, outcome.state, outcome.state === 'failed' ? outcome.error : null);
      options.log.info({ job: job.id, mailbox: job.mailbox, ...outcome }, 'mail migration ended');
    } catch (err) {
      if (!(err instanceof CopyStopped)) {
        options.log.warn({ err, job: job.id }, 'mail migration failed');
        await store.finish(job.id, 'failed', 'internal_error').catch(() => undefined);
      } else if (stopped) {
        await store.release(job.id, options.instance).catch(() => undefined);
      }
    } finally {
      clearInterval(heartbeat);
      running.delete(job.id);
    }
  }

  async function tick(): Promise<void> {
    while (!stopped && running.size < options.concurrency) {
      const job = await store.claimNext(options.instance, options.leaseMs).catch(() => null);
      if (!job) return;
      const done = run(job).then(() => {
        if (!stopped) void kick();
      });
      const entry = running.get(job.id);
      if (entry) entry.done = done;
    }
  }

  function kick(): Promise<void> {
    ticking ??= tick().finally(() => {
      ticking = null;
    });
    return ticking;
  }

  const poll = setInterval(() => void kick(), options.pollMs);
  poll.unref();
  void kick();

  return {
    /** A job was queued: look now rather than at the next poll. */
    kick,
    /** How many jobs this instance runs now. */
    get active() {
      return running.size;
    },
    /** Stops every job after its current batch; each is resumed by the next claim. */
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(poll);
      for (const r of running.values()) r.stop();
      await ticking;
      await Promise.allSettled([...running.values()].map((r) => r.done));
    },
  };
}

export type MigrationRunner = ReturnType<typeof startMigrationRunner>;
