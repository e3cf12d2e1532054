// How long the upload store takes to keep and hand back a 20 MB attachment, on each engine:
// `npx tsx scripts/bench/upload-store-timing.ts [runs]` (PostgreSQL: the project's private one,
// `npm run pg:start`, in a schema of its own dropped afterwards).

import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { createUploadStore } from '../../proxy/compose/upload-store';
import { openTestStore, STORE_ENGINES } from '../../proxy/test-support/test-store';

const MiB = 1024 * 1024;
const runs = Number(process.argv[2] ?? 5);
const bytes = randomBytes(20 * MiB);

/** The file in 64 KiB pieces, as a multipart part arrives. */
function arriving(): Readable {
  return Readable.from(
    (function* pieces() {
      for (let at = 0; at < bytes.length; at += 64 * 1024) yield bytes.subarray(at, at + 64 * 1024);
    })(),
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const engine of STORE_ENGINES) {
  const store = await openTestStore(engine);
  try {
    const uploads = createUploadStore(store.db);
    const saves: number[] = [];
    const reads: number[] = [];
    for (let i = 0; i < runs; i++) {
      const composeId = randomUUID();
      const t0 = performance.now();
      const saved = await uploads.save(
        'bench@binhphuoc.gov.vn',
        composeId,
        { filename: 'ho-so-20mb.pdf', contentType: 'application/pdf', stream: arriving() },
        20 * MiB,
      );
      saves.push(performance.now() - t0);
      if ('tooLarge' in saved) throw new Error('20 MB is within the cap');
      const t1 = performance.now();
      const got = await uploads.get('bench@binhphuoc.gov.vn', composeId, saved.id);
      reads.push(performance.now() - t1);
      if (!got?.bytes.equals(bytes)) throw new Error('the bytes read back differ');
      await uploads.removeAll('bench@binhphuoc.gov.vn', composeId);
    }
    console.log(
      `${engine.padEnd(8)} 20 MB save: median ${median(saves).toFixed(0)} ms (${saves.map((t) => t.toFixed(0)).join(', ')}); ` +
        `read: median ${median(reads).toFixed(0)} ms (${reads.map((t) => t.toFixed(0)).join(', ')})`,
    );
  } finally {
    await store.close();
  }
}
