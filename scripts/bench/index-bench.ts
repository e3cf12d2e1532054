import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { SearchCriteria } from '../../common/contract';
import { searchMail } from '../../proxy/mail/search-mail';
import { candidatesNewestFirst } from '../../proxy/mail/search-sort';
import { createSearchIndexService } from '../../proxy/search-index/search-index-service';
import { createSqliteIndexEngine } from '../../proxy/search-index/sqlite-index';
import type { SortKey } from '../../proxy/search-index/user-index';
import { mailStackPorts } from '../mailstack/paths';
import { imapClient } from './bench-mailbox';
import { type BenchRow, latency, ms, type Timing, timing } from './results';

const TZ = 'Asia/Ho_Chi_Minh';
const ROUNDS = 20;
const BLOCKS = 3;
const silent = { warn() {}, info() {}, error() {}, debug() {} } as unknown as FastifyBaseLogger;
const criteria = (c: Partial<SearchCriteria>): SearchCriteria => ({ limit: 50, ...c }) as SearchCriteria;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function sampled(fn: () => Promise<unknown>, rounds = ROUNDS, blocks = BLOCKS): Promise<Timing> {
  await fn();
  const all: number[][] = [];
  for (let b = 0; b < blocks; b++) {
    const block: number[] = [];
    for (let i = 0; i < rounds; i++) block.push(await timed(fn));
    all.push(block);
  }
  return timing(all);
}

/**
 * The search index on the bench folder (100,000 messages): its build, its size per message, and
 * the targets beside the same run's baselines (IMAP SEARCH/SORT direct, the scanning search).
 */
export async function searchIndexBench(box: { email: string; password: string }): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bp-index-bench-'));
  const engine = createSqliteIndexEngine(path.join(dir, 'index'));
  const server = {
    host: mailStackPorts.host,
    port: mailStackPorts.imap,
    secure: false,
    allowInsecureTls: true,
    idleCloseMs: 60_000,
  };
  const service = createSearchIndexService(engine, server, silent);
  const creds = { email: box.email, password: box.password };
  const t0 = performance.now();
  service.start(creds);
  await service.settled(box.email);
  const buildMs = performance.now() - t0;
  // The user's own connection, opened once the build is done (an idle one would time out).
  const client = await imapClient(box.email, box.password);
  client.on('error', (err: unknown) => console.warn('bench connection error', err));
  const rows: BenchRow[] = [];
  try {
    const index = engine.open(box.email);
    const messages = (await index.uids('INBOX')).length;
    const bytes = await index.bytes();
    console.log(`index built: ${messages} messages in ${(buildMs / 1000).toFixed(1)} s, ${bytes} bytes`);
    rows.push({
      name: 'index build, background, INBOX',
      value: `${(buildMs / 1000).toFixed(1)} s (${Math.round(messages / (buildMs / 1000))} msg/s)`,
      baseline: '—',
      ratio: null,
      target: 'info',
      pass: null,
    });
    rows.push({
      name: 'index size per message',
      value: `${Math.round(bytes / Math.max(1, messages))} bytes (${(bytes / 1024 ** 2).toFixed(0)} MB for ${messages.toLocaleString('en')})`,
      baseline: '—',
      ratio: null,
      target: 'info',
      pass: null,
    });

    const indexed = (c: Partial<SearchCriteria>) => () =>
      service.search(client, creds, criteria(c), { timeZone: TZ }).then((page) => {
        if (!page) throw new Error('the index did not answer');
        return page;
      });
    const scanningFirst = (c: Partial<SearchCriteria>) => () =>
      searchMail(client, criteria(c), { timeZone: TZ });
    const scanningAll = async (c: Partial<SearchCriteria>) => {
      let cursor: string | undefined;
      do
        cursor =
          (await searchMail(client, { ...criteria(c), cursor }, { timeZone: TZ })).nextCursor ?? undefined;
      while (cursor);
    };
    await client.mailboxOpen('INBOX', { readOnly: true });
    const imapSearch = (q: string) => () => client.search({ text: q }, { uid: true });

    const phrase = await sampled(indexed({ q: 'cong van', mailbox: 'INBOX' }));
    const phraseScan = await sampled(scanningFirst({ q: 'cong van', mailbox: 'INBOX' }), 5, 1);
    const phraseImap = await sampled(imapSearch('công văn'), 3, 1);
    rows.push(
      row(
        'search "cong van", first page (index)',
        phrase,
        'p50 ≤ 100 ms, p95 ≤ 300 ms',
        phrase.p50 <= 100 && phrase.p95 <= 300,
        `scanning ${latency(phraseScan)}; IMAP SEARCH TEXT direct ${latency(phraseImap)}`,
      ),
    );
    const other = await sampled(indexed({ q: 'dien tu', mailbox: 'INBOX' }));
    rows.push(
      row(
        'search "dien tu", first page (index)',
        other,
        'p50 ≤ 100 ms, p95 ≤ 300 ms',
        other.p50 <= 100 && other.p95 <= 300,
        '—',
      ),
    );

    const noHit = 'khong co thu nao nhu vay';
    const none = await sampled(indexed({ q: noHit, mailbox: 'INBOX' }), 10, 1);
    const noneAll = await sampled(indexed({ q: noHit }), 10, 1);
    const noneScan = await timed(() => scanningAll({ q: noHit, mailbox: 'INBOX' }));
    const noneImap = await timed(imapSearch(noHit));
    rows.push(
      row(
        'search, no hit, whole folder (index)',
        none,
        '≤ 500 ms',
        none.p95 <= 500,
        `scanning to the end ${ms(noneScan)}; IMAP SEARCH TEXT direct ${ms(noneImap)}`,
      ),
      row('search, no hit, all folders (index)', noneAll, '≤ 500 ms', noneAll.p95 <= 500, '—'),
    );

    const sortDirect = await timed(() => candidatesNewestFirst(client, { all: true }));
    for (const key of ['date', 'from', 'subject', 'size'] as SortKey[]) {
      const first = await timed(() => index.sortedUids('INBOX', key, true, 0, 50));
      rows.push({
        name: `sorted view by ${key}, first request (index order)`,
        value: ms(first),
        baseline: key === 'date' ? `UID SORT (REVERSE DATE) direct ${ms(sortDirect)} (warm)` : '—',
        ratio: null,
        target: '≤ 300 ms',
        pass: first <= 300,
      });
    }
  } finally {
    await client.logout().catch(() => client.close());
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

function row(name: string, t: Timing, target: string, pass: boolean, baseline: string): BenchRow {
  return { name, value: latency(t), baseline, ratio: null, target, pass };
}
