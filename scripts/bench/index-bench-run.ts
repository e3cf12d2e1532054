import { BENCH_PASSWORD, benchAddress } from './bench-mailbox';
import { searchIndexBench } from './index-bench';
import { markdownTable } from './results';

/**
 * npx tsx scripts/bench/index-bench-run.ts: the search index bench alone, on the bench mailbox a
 * `npm run bench -- --keep` left (100,000 messages), read only.
 */
const rows = await searchIndexBench({ email: benchAddress('bench-inbox'), password: BENCH_PASSWORD });
console.log(`\n${markdownTable(rows)}\n`);
