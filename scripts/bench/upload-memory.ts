import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BenchSession, ProxyProcess } from './proxy-process';
import { type BenchRow, mb, median } from './results';

const MiB = 1024 * 1024;
const RUNS = 3;
const PLATEAU_MB = 100;
/**
 * The proxy for this benchmark takes files up to 100 MB (instead of 20) so that one upload far
 * past the cap can show whether memory keeps growing with size; the cap only refuses, it changes
 * nothing in how the bytes flow.
 */
export const UPLOAD_BENCH_ENV = { ATTACHMENT_MAX_BYTES: String(PLATEAU_MB * MiB) };

/**
 * Peak proxy memory while an attachment streams in (POST /api/uploads), over the memory it had
 * just before (after a full GC). The proxy samples itself every 5 ms; the file goes out from
 * disk as a stream on this side too, so nothing here holds it whole either.
 */
export async function uploadMemoryBench(proxy: ProxyProcess, session: BenchSession): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bp-bench-upload-'));
  try {
    const small = await randomFile(path.join(dir, 'cong-van-1mb.pdf'), 1 * MiB);
    const large = await randomFile(path.join(dir, 'ho-so-20mb.pdf'), 20 * MiB);
    const huge = await randomFile(path.join(dir, 'luu-tru-100mb.zip'), PLATEAU_MB * MiB);
    for (let i = 0; i < 2; i++) await upload(session, small); // warm-up: multipart and disk paths compiled
    const smallRuns = await peaks(proxy, session, small);
    const largeRuns = await peaks(proxy, session, large);
    const smallLive = await peaks(proxy, session, small, true, 1);
    const largeLive = await peaks(proxy, session, large, true, 1);
    const hugeRuns = await peaks(proxy, session, huge, false, 1);
    const med = (runs: Peak[], key: keyof Peak) => median(runs.map((r) => r[key]));
    const rss = { small: med(smallRuns, 'rss'), large: med(largeRuns, 'rss') };
    const peak = { small: med(smallRuns, 'rssPeak'), large: med(largeRuns, 'rssPeak') };
    const heap = { small: med(smallRuns, 'heap'), large: med(largeRuns, 'heap') };
    const live = { small: med(smallLive, 'heap'), large: med(largeLive, 'heap') };
    const took = { small: med(smallRuns, 'ms'), large: med(largeRuns, 'ms') };
    return [
      {
        name: `Upload 20 MB vs 1 MB: peak proxy RSS (whole process, median of ${RUNS})`,
        value: `${mb(peak.large)} (20 MB in ${took.large.toFixed(0)} ms)`,
        baseline: `${mb(peak.small)} for 1 MB (in ${took.small.toFixed(0)} ms)`,
        ratio: peak.large / peak.small,
        target: '< 2× the 1 MB upload’s',
        pass: peak.large < 2 * peak.small,
      },
      {
        name: `Upload 20 MB vs 1 MB: peak proxy RSS above the pre-upload baseline (median of ${RUNS})`,
        value: mb(rss.large),
        baseline: `${mb(rss.small)} for 1 MB`,
        ratio: rss.large / rss.small,
        target: '< 2× the 1 MB upload’s',
        pass: rss.large < 2 * rss.small,
      },
      {
        name: 'Upload 20 MB vs 1 MB: peak heap + external (Buffers) above the baseline',
        value: mb(heap.large),
        baseline: `${mb(heap.small)} for 1 MB`,
        ratio: heap.large / heap.small,
        target: '—',
        pass: null,
      },
      {
        name: 'Upload 20 MB vs 1 MB: peak of memory still referenced (full GC before each 25 ms sample)',
        value: mb(live.large),
        baseline: `${mb(live.small)} for 1 MB`,
        ratio: live.large / live.small,
        target: '—',
        pass: null,
      },
      {
        name: `Upload ${PLATEAU_MB} MB (cap raised for this row): peak RSS / heap + external above the baseline`,
        value: `${mb(hugeRuns[0]!.rss)} / ${mb(hugeRuns[0]!.heap)} (in ${hugeRuns[0]!.ms.toFixed(0)} ms)`,
        baseline: `${mb(rss.large)} / ${mb(heap.large)} for 20 MB`,
        ratio: hugeRuns[0]!.rss / rss.large,
        target: '—',
        pass: null,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Peak {
  /** Peak RSS of the proxy process during the upload. */
  rssPeak: number;
  /** The same, above the RSS it had just before (after a full GC). */
  rss: number;
  heap: number;
  ms: number;
}

async function peaks(
  proxy: ProxyProcess,
  session: BenchSession,
  file: string,
  live = false,
  runCount = RUNS,
) {
  const runs: Peak[] = [];
  for (let i = 0; i < runCount; i++) {
    const before = await proxy.memory();
    await proxy.sampleStart(live);
    const t0 = performance.now();
    await upload(session, file);
    const took = performance.now() - t0;
    const peak = await proxy.sampleStop();
    runs.push({
      rssPeak: peak.rss,
      rss: peak.rss - before.rss,
      heap: peak.heapPlusExternal - (before.heapUsed + before.external),
      ms: took,
    });
  }
  return runs;
}

async function randomFile(file: string, size: number): Promise<string> {
  async function* chunks() {
    for (let left = size; left > 0; left -= MiB) yield randomBytes(Math.min(MiB, left));
  }
  await pipeline(Readable.from(chunks()), createWriteStream(file));
  return file;
}

/** One multipart/form-data file part, framed around a file read from disk as it is sent. */
function upload(session: BenchSession, file: string): Promise<void> {
  const boundary = `----bench${randomUUID()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${path.basename(file)}"\r\n` +
      'Content-Type: application/pdf\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const size = statSync(file).size;
  async function* body() {
    yield head;
    yield* createReadStream(file);
    yield tail;
  }
  const url = new URL(`${session.origin}/api/uploads?composeId=${randomUUID()}`);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          ...session.headers,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(head.length + size + tail.length),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          text += c;
        });
        res.on('end', () => {
          if (res.statusCode !== 201) return reject(new Error(`upload: ${res.statusCode} ${text}`));
          const saved = JSON.parse(text) as { size: number };
          if (saved.size !== size) return reject(new Error(`upload stored ${saved.size} of ${size} bytes`));
          resolve();
        });
      },
    );
    req.on('error', reject);
    pipeline(Readable.from(body()), req).catch(reject);
  });
}
