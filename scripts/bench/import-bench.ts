import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MailImportReport } from '../../common/contract';
import { upsertMailUser } from '../mailstack/mail-users';
import { PARAGRAPHS } from '../seed/bulk-vocabulary';
import { BENCH_PASSWORD, benchAddress, removeBenchMailbox } from './bench-mailbox';
import { startProxyProcess } from './proxy-process';
import { type BenchRow, mb } from './results';

export const IMPORT_BENCH_MESSAGES = 10_000;

/**
 * POST /api/mailboxes/INBOX/import of one mbox of 10,000 ordinary messages (a few kB of
 * Vietnamese text each, mboxrd), streamed from disk: messages per second end to end (read,
 * split, dedupe check, quota, APPEND to Dovecot) and the proxy's peak memory while it runs.
 */
export async function importBench(count = IMPORT_BENCH_MESSAGES): Promise<BenchRow[]> {
  const email = benchAddress('bench-import');
  upsertMailUser({ email, password: BENCH_PASSWORD, quotaBytes: 8 * 1024 ** 3, suspendReason: null });
  const dir = mkdtempSync(path.join(tmpdir(), 'bp-bench-import-'));
  const proxy = await startProxyProcess();
  try {
    const file = await writeMbox(path.join(dir, 'luu-tru.mbox'), count);
    const session = await proxy.logIn(email, BENCH_PASSWORD);
    const before = await proxy.memory();
    await proxy.sampleStart(false);
    const t0 = performance.now();
    const report = await postImport(session, file);
    const seconds = (performance.now() - t0) / 1000;
    const peak = await proxy.sampleStop();
    if (report.imported !== count)
      throw new Error(
        `import: ${report.imported} of ${count} (${JSON.stringify(report.failures.slice(0, 3))})`,
      );
    const t1 = performance.now();
    const rerun = await postImport(session, file);
    const rerunSeconds = (performance.now() - t1) / 1000;
    const size = statSync(file).size;
    return [
      {
        name: `Import an mbox of ${count.toLocaleString('en')} messages (${mb(size)}): messages per second`,
        value: `${(count / seconds).toFixed(0)} /s (${seconds.toFixed(1)} s)`,
        baseline: `rerun, all ${rerun.duplicates.toLocaleString('en')} skipped as duplicates: ${(count / rerunSeconds).toFixed(0)} /s`,
        ratio: null,
        target: '—',
        pass: null,
      },
      {
        name: `Import of ${count.toLocaleString('en')} messages: peak proxy RSS / above the baseline`,
        value: `${mb(peak.rss)} / ${mb(peak.rss - before.rss)}`,
        baseline: `${mb(before.rss)} before`,
        ratio: null,
        target: 'flat: one message held at a time',
        pass: null,
      },
      {
        name: `Import of ${count.toLocaleString('en')} messages: peak heap + external above the baseline`,
        value: mb(peak.heapPlusExternal - (before.heapUsed + before.external)),
        baseline: `${mb(before.heapUsed + before.external)} before`,
        ratio: null,
        target: '—',
        pass: null,
      },
    ];
  } finally {
    await proxy.stop();
    rmSync(dir, { recursive: true, force: true });
    removeBenchMailbox(email);
  }
}

async function writeMbox(file: string, count: number): Promise<string> {
  async function* messages() {
    for (let i = 0; i < count; i++) {
      const date = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000);
      const body = [0, 1, 2, 3].map((k) => PARAGRAPHS[(i + k) % PARAGRAPHS.length]).join('\n\n');
      const subject = `Công văn số ${i + 1}/STTTT`;
      yield Buffer.from(
        `From vanthu@binhphuoc.gov.vn ${date.toUTCString().slice(0, 3)} ${date.toUTCString().slice(8, 11)} ${String(date.getUTCDate()).padStart(2, ' ')} ${date.toISOString().slice(11, 19)} ${date.getUTCFullYear()}\n` +
          'From: Văn thư <vanthu@binhphuoc.gov.vn>\nTo: bench-import@binhphuoc.gov.vn\n' +
          `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=\n` +
          `Date: ${date.toUTCString()}\nMessage-ID: <bench-import-${i}@binhphuoc.gov.vn>\n` +
          'MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n' +
          `${body}\n\n`,
      );
    }
  }
  await pipeline(Readable.from(messages()), createWriteStream(file));
  return file;
}

function postImport(
  session: { origin: string; headers: Record<string, string> },
  file: string,
): Promise<MailImportReport> {
  const boundary = `----bench${randomUUID()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="luu-tru.mbox"\r\nContent-Type: application/mbox\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  async function* body() {
    yield head;
    yield* createReadStream(file);
    yield tail;
  }
  const url = new URL(`${session.origin}/api/mailboxes/INBOX/import`);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          ...session.headers,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(head.length + statSync(file).size + tail.length),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          text += c;
        });
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(JSON.parse(text) as MailImportReport)
            : reject(new Error(`import: ${res.statusCode} ${text}`)),
        );
      },
    );
    req.on('error', reject);
    pipeline(Readable.from(body()), req).catch(reject);
  });
}
