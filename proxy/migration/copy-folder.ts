import type { FetchMessageObject, ImapFlow } from 'imapflow';
import { ApiError } from '../errors';
import { isOverQuota } from '../mail/imap-errors';
import { dedupeKey } from './dedupe-key';
import type { FolderMapping } from './folder-plan';
import { oldServerError } from './migration-errors';
import type { MigrationStore } from './migration-store';

export interface CopyLimits {
  /** Đ8.2: no message over this goes in (a failure with its reason; the copy goes on). */
  messageMaxBytes: number;
  /** Messages per batch: one progress record, one lease check, one pause. */
  batchMessages: number;
  /** Bytes of message text held at once. */
  batchBytes: number;
  /** A pause after each batch, so the proxy's own requests come first. */
  pauseMs: number;
}

/** What the new mailbox may still take: the copy stops before it is full. */
export interface QuotaRoom {
  used: number;
  limit: number | null;
}

/** Room kept free at the end: a full mailbox refuses the user's next incoming letter. */
export function quotaReserve(limit: number): number {
  return Math.min(Math.floor(limit * 0.02), 10 * 1024 * 1024);
}

export interface CopyContext {
  jobId: string;
  source: ImapFlow;
  target: ImapFlow;
  store: MigrationStore;
  limits: CopyLimits;
  quota: QuotaRoom;
  host: string;
  /** Called after each batch; false stops the copy (lease lost, proxy stopping). */
  keepGoing: () => Promise<boolean>;
}

export class CopyStopped extends Error {
  constructor() {
    super('migration stopped');
  }
}

const KEEP_FLAGS = (flags: Set<string> | undefined) => [...(flags ?? [])].filter((f) => f !== '\\Recent');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every message's key in a folder of the new mailbox, to skip what is already there. */
async function keysIn(target: ImapFlow, path: string): Promise<Set<string>> {
  const keys = new Set<string>();
  const box = await target.mailboxOpen(path, { readOnly: true });
  if (box.exists === 0) return keys;
  for await (const m of target.fetch('1:*', { envelope: true, internalDate: true, size: true })) {
    keys.add(keyOf(m));
  }
  return keys;
}

function keyOf(m: FetchMessageObject): string {
  const from = m.envelope?.from?.[0];
  return dedupeKey({
    messageId: m.envelope?.messageId,
    internalDate: m.internalDate ?? 0,
    size: m.size ?? 0,
    date: m.envelope?.date ?? null,
    from: from ? `${from.name ?? ''} <${from.address ?? ''}>` : null,
    subject: m.envelope?.subject ?? null,
  });
}

/**
 * Copies one old folder into its target: APPEND with the flags and the internal date, skipping
 * what the target already holds (same dedupe key), from the UID after the last one recorded. The
 * progress is written after each batch; a crash between an APPEND and its record costs nothing
 * but a skip on the rerun.
 */
export async function copyFolder(ctx: CopyContext, mapping: FolderMapping): Promise<void> {
  const { source, target, store, limits, jobId } = ctx;
  if (mapping.create) {
    await target.mailboxCreate(mapping.target).catch((err: unknown) => {
      // Made by an earlier, interrupted run: fine.
      if (
        !/ALREADYEXISTS|already exists/i.test(String((err as { responseText?: string }).responseText ?? err))
      )
        throw new ApiError('migration_target_failed', { folder: mapping.target }, { cause: err });
    });
    await target.mailboxSubscribe(mapping.target).catch(() => undefined);
  }
  const present = await keysIn(target, mapping.target);

  const lock = await source.getMailboxLock(mapping.source, { readOnly: true }).catch((err: unknown) => {
    throw oldServerError(err, ctx.host);
  });
  try {
    const box = source.mailbox;
    if (!box) throw new ApiError('migration_connection_lost', { host: ctx.host });
    await store.startFolder(jobId, mapping.source, Number(box.uidValidity), box.exists);
    const row = (await store.folders(jobId)).find((f) => f.source === mapping.source);
    const after = row?.lastUid ?? 0;
    const pending: { uid: number; size: number; key: string; flags: string[]; internalDate: Date }[] = [];
    if (box.exists > 0) {
      for await (const m of source.fetch(
        `${after + 1}:*`,
        { uid: true, envelope: true, internalDate: true, size: true, flags: true },
        { uid: true },
      )) {
        // "N:*" answers the last message even when its UID is below N.
        if (m.uid <= after) continue;
        pending.push({
          uid: m.uid,
          size: m.size ?? 0,
          key: keyOf(m),
          flags: KEEP_FLAGS(m.flags),
          internalDate: new Date(m.internalDate ?? Date.now()),
        });
      }
    }
    pending.sort((a, b) => a.uid - b.uid);

    let i = 0;
    while (i < pending.length) {
      const batch: typeof pending = [];
      let bytes = 0;
      while (
        i < pending.length &&
        batch.length < limits.batchMessages &&
        (batch.length === 0 || bytes < limits.batchBytes)
      ) {
        const m = pending[i++]!;
        batch.push(m);
        if (m.size <= limits.messageMaxBytes) bytes += m.size;
      }
      let copied = 0;
      let skipped = 0;
      let failed = 0;
      const wanted = batch.filter((m) => m.size <= limits.messageMaxBytes && !present.has(m.key));
      const texts = new Map<number, Buffer>();
      if (wanted.length > 0) {
        for await (const m of source.fetch(
          wanted.map((w) => w.uid).join(','),
          { uid: true, source: true },
          { uid: true },
        )) {
          if (m.source) texts.set(m.uid, m.source);
        }
      }
      for (const m of batch) {
        if (m.size > limits.messageMaxBytes) {
          failed++;
          await store.addFailure(jobId, mapping.source, m.uid, 'migration_message_too_large', `${m.size}`);
          continue;
        }
        if (present.has(m.key)) {
          skipped++;
          continue;
        }
        const raw = texts.get(m.uid);
        if (!raw) {
          failed++;
          await store.addFailure(
            jobId,
            mapping.source,
            m.uid,
            'message_not_found',
            'gone from the old server',
          );
          continue;
        }
        const { limit } = ctx.quota;
        if (limit !== null && ctx.quota.used + raw.length > limit - quotaReserve(limit)) {
          await store.recordProgress(jobId, mapping.source, { lastUid: m.uid - 1, copied, skipped, failed });
          throw new ApiError('migration_quota_full');
        }
        try {
          await target.append(mapping.target, raw, m.flags, m.internalDate);
        } catch (err) {
          if (isOverQuota(err)) {
            await store.recordProgress(jobId, mapping.source, {
              lastUid: m.uid - 1,
              copied,
              skipped,
              failed,
            });
            throw new ApiError('migration_quota_full', undefined, { cause: err });
          }
          throw new ApiError('migration_target_failed', { folder: mapping.target }, { cause: err });
        }
        present.add(m.key);
        ctx.quota.used += raw.length;
        copied++;
      }
      await store.recordProgress(jobId, mapping.source, {
        lastUid: batch[batch.length - 1]!.uid,
        copied,
        skipped,
        failed,
      });
      if (!(await ctx.keepGoing())) throw new CopyStopped();
      if (limits.pauseMs > 0) await sleep(limits.pauseMs);
    }
    await store.recordProgress(jobId, mapping.source, {
      lastUid: pending.length > 0 ? pending[pending.length - 1]!.uid : after,
      copied: 0,
      skipped: 0,
      failed: 0,
      done: true,
    });
  } catch (err) {
    if (err instanceof ApiError || err instanceof CopyStopped) throw err;
    throw oldServerError(err, ctx.host);
  } finally {
    lock.release();
  }
}
