import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The operators' numbers, in Prometheus' text format at /metrics. One registry per server (not
 * prom-client's global one), so that tests can run several proxies in one process.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'bp_' });
  const registers = [registry];

  return {
    registry,
    requests: new Counter({
      name: 'bp_http_requests_total',
      help: 'HTTP requests by route pattern (never the raw URL: addresses and folders stay out) and status.',
      labelNames: ['method', 'route', 'status'] as const,
      registers,
    }),
    requestSeconds: new Histogram({
      name: 'bp_http_request_duration_seconds',
      help: 'Time to answer, by route pattern and status.',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    logins: new Counter({
      name: 'bp_logins_total',
      help: 'Log-ins by result: success, failure (wrong password, suspended), throttled, error (provider).',
      labelNames: ['result'] as const,
      registers,
    }),
    sends: new Counter({
      name: 'bp_sends_total',
      help: 'Messages sent by result: sent, refused (4xx: policy, recipients, size), failed (5xx).',
      labelNames: ['result'] as const,
      registers,
    }),
    uploadBytes: new Counter({
      name: 'bp_upload_bytes_total',
      help: 'Attachment bytes stored by uploads.',
      registers,
    }),
    malwareScans: new Counter({
      name: 'bp_malware_scans_total',
      help: 'Malware scans (Đ8.2b) by result: clean, infected, cached (a verdict reused), unscanned_passed (best-effort, clamd gave no verdict), unscanned_refused (required).',
      labelNames: ['result'] as const,
      registers,
    }),
    jobRuns: new Counter({
      name: 'bp_background_job_runs_total',
      help: 'Background job runs by job and outcome (ok, failed, skipped: another instance ran that slot).',
      labelNames: ['job', 'outcome'] as const,
      registers,
    }),
    /** Gauges read their value at scrape time from the parts that own it. */
    gauge(name: string, help: string, read: () => number | Promise<number>) {
      new Gauge({
        name,
        help,
        registers,
        async collect() {
          this.set(await read());
        },
      });
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** Runs a background job and counts it; a failure is counted and passed on to the caller's log. */
export async function countedJob<T>(metrics: Metrics, job: string, run: () => T | Promise<T>): Promise<T> {
  try {
    const result = await run();
    metrics.jobRuns.inc({ job, outcome: 'ok' });
    return result;
  } catch (err) {
    metrics.jobRuns.inc({ job, outcome: 'failed' });
    throw err;
  }
}
