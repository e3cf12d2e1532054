/**
 * Figures of one run, each beside the baseline measured in the same run, and how they print.
 * A target that is missed is printed as such; it never fails the run (a benchmark is a measurement).
 */
export interface BenchRow {
  name: string;
  value: string;
  baseline: string;
  /** value ÷ baseline, when the target is a ratio or the ratio helps reading. */
  ratio: number | null;
  target: string;
  /** null: information only, no target. */
  pass: boolean | null;
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest rank: p95 of 50 samples is the 48th smallest.
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const median = (samples: number[]) => percentile(samples, 50);

export function ms(value: number): string {
  return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Latencies measured in blocks of equal size. On a shared 2-core machine one burst of other work
 * decides the p95 of a single block; the median of the blocks' p95s is what repeats from run to run.
 */
export interface Timing {
  p95: number;
  p50: number;
  blocks: number;
  perBlock: number;
}

export function timing(blocks: number[][]): Timing {
  return {
    p95: median(blocks.map((b) => percentile(b, 95))),
    p50: median(blocks.flat()),
    blocks: blocks.length,
    perBlock: blocks[0]?.length ?? 0,
  };
}

/** p95 first (what the targets speak of), then p50. */
export function latency(t: Timing): string {
  return `p95 ${ms(t.p95)} (p50 ${ms(t.p50)})`;
}

export function markdownTable(rows: BenchRow[]): string {
  const lines = [
    '| measurement | value | baseline (same run) | ratio | target | result |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const verdict = r.pass === null ? 'info' : r.pass ? 'PASS' : '**FAIL**';
    const ratio = r.ratio === null || !Number.isFinite(r.ratio) ? '—' : `${r.ratio.toFixed(2)}×`;
    lines.push(`| ${r.name} | ${r.value} | ${r.baseline} | ${ratio} | ${r.target} | ${verdict} |`);
  }
  return lines.join('\n');
}
