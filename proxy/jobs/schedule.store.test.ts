import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../ops/metrics';
import type { Store } from '../store/open-store';
import { openTestStore, STORE_ENGINES } from '../test-support/test-store';
import { createJobRuns } from './job-runs';
import { everyPeriod, startSchedule } from './schedule';

const quiet = { info: () => undefined, warn: () => undefined };

describe.each(STORE_ENGINES)('the schedule of two instances on %s', (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(engine);
  });
  afterEach(() => store.close());

  it('runs a periodic job once per period, whichever instance gets there first', async () => {
    let runs = 0;
    const job = () =>
      everyPeriod('quota-warnings', 200, async () => {
        runs += 1;
      });
    const metrics = [createMetrics(), createMetrics()];
    const schedules = ['a', 'b'].map((id, i) =>
      startSchedule(createJobRuns(store.db, id), [job()], { metrics: metrics[i]!, log: quiet }),
    );
    await new Promise((r) => setTimeout(r, 1_050));
    await Promise.all(schedules.map((s) => s.stop()));
    // About five periods went by: each ran exactly once, never twice.
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(runs).toBeLessThanOrEqual(6);
    const slots = await createJobRuns(store.db, 'x').recent('quota-warnings', 100);
    expect(new Set(slots.map((s) => s.slot)).size).toBe(slots.length);
    expect(slots.length).toBe(runs);
  });
});
