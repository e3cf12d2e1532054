import { describe, expect, it } from 'vitest';
import { errorText, LoadWindow, operationTable } from './load-stats';

describe('LoadWindow', () => {
  it('counts successes and failures as requests, but times only the successes', () => {
    const window = new LoadWindow('steady', 0);
    for (let i = 1; i <= 100; i++) window.record('list', i);
    window.record('list', 5_000, 'HTTP 503 provider_unavailable');
    window.record('list', 30_000, 'timeout');
    window.record('list', 30_000, 'timeout');
    window.end(10_000);
    const list = window.summary('list');
    expect(list.count).toBe(103);
    expect(list.perSecond).toBeCloseTo(10.3);
    expect([list.p50, list.p95, list.p99]).toEqual([50, 95, 99]);
    expect(errorText(list)).toBe('1 × HTTP 503 provider_unavailable, 2 × timeout');
    expect(window.errorCount()).toBe(3);
  });

  it('leaves the live streams out of the request rate, and operations that did not happen out of the table', () => {
    const window = new LoadWindow('ramp', 0);
    window.record('login', 80);
    window.record('events', 5);
    window.end(1_000);
    expect(window.requestsPerSecond()).toBe(1);
    const table = operationTable(window);
    expect(table).toContain('| login | 1 | 1.0 | 80.0 ms |');
    expect(table).toContain('| events | 1 |');
    expect(table).not.toContain('| search |');
  });
});
