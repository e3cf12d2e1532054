import { ms, percentile } from './results';

/** What a simulated user does; each is timed from the request's start to its body's end. */
export const OPERATIONS = ['login', 'folders', 'list', 'open', 'search', 'send', 'events'] as const;
export type Operation = (typeof OPERATIONS)[number];

export interface OperationSummary {
  operation: Operation;
  count: number;
  /** Completed requests (successful or not) per second of the window. */
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Failures by outcome ("HTTP 503 provider_unavailable", "timeout"…). */
  errors: Map<string, number>;
}

/**
 * The samples of one window of a run (the steady half hour, one step of the step run). A window
 * that starts while requests of the previous one are under way counts them where they end.
 */
export class LoadWindow {
  private readonly samples = new Map<Operation, number[]>();
  private readonly errors = new Map<Operation, Map<string, number>>();
  private endedAt: number | null = null;

  constructor(
    readonly name: string,
    readonly startedAt: number = performance.now(),
  ) {}

  record(operation: Operation, took: number, failure?: string) {
    if (failure) {
      const byOutcome = this.errors.get(operation) ?? new Map<string, number>();
      byOutcome.set(failure, (byOutcome.get(failure) ?? 0) + 1);
      this.errors.set(operation, byOutcome);
      return;
    }
    const list = this.samples.get(operation) ?? [];
    list.push(took);
    this.samples.set(operation, list);
  }

  end(at: number = performance.now()) {
    this.endedAt ??= at;
  }

  seconds(now: number = performance.now()): number {
    return ((this.endedAt ?? now) - this.startedAt) / 1000;
  }

  summary(operation: Operation, now?: number): OperationSummary {
    const samples = this.samples.get(operation) ?? [];
    const errors = this.errors.get(operation) ?? new Map<string, number>();
    const failed = [...errors.values()].reduce((a, b) => a + b, 0);
    const count = samples.length + failed;
    return {
      operation,
      count,
      perSecond: count / Math.max(this.seconds(now), 1e-9),
      p50: percentile(samples, 50),
      p95: percentile(samples, 95),
      p99: percentile(samples, 99),
      errors,
    };
  }

  /** Every request of the window but the live streams (whose "latency" is the time to open). */
  requestsPerSecond(now?: number): number {
    const requests = OPERATIONS.filter((o) => o !== 'events').map((o) => this.summary(o, now).count);
    return requests.reduce((a, b) => a + b, 0) / Math.max(this.seconds(now), 1e-9);
  }

  errorCount(now?: number): number {
    return OPERATIONS.reduce((n, o) => n + errorTotal(this.summary(o, now)), 0);
  }
}

export function errorTotal(s: OperationSummary): number {
  return [...s.errors.values()].reduce((a, b) => a + b, 0);
}

export function errorText(s: OperationSummary): string {
  if (s.errors.size === 0) return '0';
  return [...s.errors].map(([outcome, n]) => `${n} × ${outcome}`).join(', ');
}

/** One markdown table: a line per operation that happened in the window. */
export function operationTable(window: LoadWindow): string {
  const lines = [
    '| operation | count | per second | p50 | p95 | p99 | errors |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const operation of OPERATIONS) {
    const s = window.summary(operation);
    if (s.count === 0) continue;
    const latency = (v: number) => (Number.isNaN(v) ? '—' : ms(v));
    lines.push(
      `| ${operation} | ${s.count.toLocaleString('en')} | ${s.perSecond.toFixed(1)} | ${latency(s.p50)} | ` +
        `${latency(s.p95)} | ${latency(s.p99)} | ${errorText(s)} |`,
    );
  }
  return lines.join('\n');
}
