import { execFileSync } from 'node:child_process';
import { removeMailUser, upsertMailUser } from '../mailstack/mail-users';
import { BENCH_FOLDERS, OLD_SERVER } from '../oldserver/old-mailbox';
import { seedOldMailbox } from '../oldserver/seed-old-server';
import { BENCH_PASSWORD, benchAddress } from './bench-mailbox';
import type { ProxyProcess } from './proxy-process';
import { type BenchRow, mb } from './results';

const TOTAL = BENCH_FOLDERS.reduce((n, f) => n + f.count, 0);

/**
 * Đ8.2d: 10,000 messages (about 3 KB each) copied from the old server (scripts/oldserver) into a
 * new bench mailbox by the proxy's migration job, started over HTTP as the user starts it. The
 * figures: messages per second, and the proxy's peak RSS and heap (sampled every 5 ms) against
 * its idle memory before the start.
 */
export async function migrationBench(
  proxy: ProxyProcess,
  progress: (what: string) => void,
): Promise<BenchRow[]> {
  execFileSync('bash', ['scripts/oldserver/oldserver.sh', 'start'], { stdio: 'inherit' });
  progress(`filling the old server with ${TOTAL.toLocaleString('en')} messages`);
  await seedOldMailbox(OLD_SERVER.users.bench, BENCH_FOLDERS, true);
  const email = benchAddress('migration');
  upsertMailUser({ email, password: BENCH_PASSWORD, quotaBytes: 4 * 1024 ** 3, suspendReason: null });
  try {
    const session = await proxy.logIn(email, BENCH_PASSWORD);
    const idle = await proxy.memory();
    await proxy.sampleStart();
    const started = performance.now();
    const res = await fetch(`${session.origin}/api/migration`, {
      method: 'POST',
      headers: { ...session.headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        host: OLD_SERVER.host,
        port: OLD_SERVER.imapPort,
        security: 'starttls',
        acceptSelfSigned: true,
        user: OLD_SERVER.users.bench,
        password: OLD_SERVER.password,
      }),
    });
    if (res.status !== 201) throw new Error(`POST /api/migration: ${res.status} ${await res.text()}`);
    progress('copying');
    let status: { state: string; copied: number; skipped: number; failed: number; error: string | null };
    for (;;) {
      await new Promise((r) => setTimeout(r, 1_000));
      status = (await session.getJson<{ migration: typeof status }>('/api/migration')).migration;
      if (status.state === 'done' || status.state === 'failed') break;
    }
    const seconds = (performance.now() - started) / 1000;
    const peaks = await proxy.sampleStop();
    if (status.state !== 'done') throw new Error(`the migration failed: ${status.error}`);
    const rate = status.copied / seconds;
    return [
      {
        name: `Migration from an old IMAP server: ${TOTAL.toLocaleString('en')} messages`,
        value: `${rate.toFixed(0)} messages/s (${seconds.toFixed(0)} s; ${status.copied} copied, ${status.skipped} skipped)`,
        baseline: '',
        ratio: null,
        target: 'information',
        pass: null,
      },
      {
        name: 'Migration: proxy peak memory (RSS / heap + external)',
        value: `${mb(peaks.rss)} / ${mb(peaks.heapPlusExternal)}`,
        baseline: `${mb(idle.rss)} / ${mb(idle.heapUsed + idle.external)} idle`,
        ratio: peaks.rss / idle.rss,
        target: 'bounded: one batch (50 messages, 8 MB) at a time',
        pass: peaks.heapPlusExternal - (idle.heapUsed + idle.external) < 64 * 1024 * 1024,
      },
    ];
  } finally {
    removeMailUser(email);
  }
}
