import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/open-store';
import { openTestStore, STORE_ENGINES } from '../test-support/test-store';
import { createJobRuns } from './job-runs';

describe.each(STORE_ENGINES)('job runs on %s', (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(engine);
  });
  afterEach(() => store.close());

  it('lets exactly one of several instances run a slot, even when they claim at the same moment', async () => {
    const instances = ['a:8080', 'b:8080', 'c:8080', 'd:8080'].map((id) => createJobRuns(store.db, id));
    let runs = 0;
    const outcomes = await Promise.all(
      instances.map((jobs) =>
        jobs.runOnce('quota-warnings', 'p600000:1', 60_000, async () => {
          runs += 1;
          await new Promise((r) => setTimeout(r, 20));
          return 'done';
        }),
      ),
    );
    expect(runs).toBe(1);
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
    const [row] = await instances[0]!.recent('quota-warnings');
    expect(row?.outcome).toBe('ok');
    expect(instances.map((i) => i.instance)).toContain(row?.instance);
  });

  it('runs the next slot again', async () => {
    const jobs = createJobRuns(store.db, 'a');
    expect((await jobs.runOnce('purge', 's1', 60_000, async () => 1)).ran).toBe(true);
    expect((await jobs.runOnce('purge', 's1', 60_000, async () => 1)).ran).toBe(false);
    expect((await jobs.runOnce('purge', 's2', 60_000, async () => 1)).ran).toBe(true);
  });

  it('hands a slot whose instance died mid-run to another after the lease, once', async () => {
    let clock = 1_000_000;
    const dead = createJobRuns(store.db, 'dead', () => clock);
    const [b, c] = ['b', 'c'].map((id) => createJobRuns(store.db, id, () => clock));
    expect(await dead.claim('lifecycle', '2026-12-07', 60_000)).toBe(true);
    clock += 30_000;
    expect(await b!.claim('lifecycle', '2026-12-07', 60_000)).toBe(false);
    clock += 60_000;
    const claims = await Promise.all([
      b!.claim('lifecycle', '2026-12-07', 60_000),
      c!.claim('lifecycle', '2026-12-07', 60_000),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('records a failure with its reason and lets the caller see the error', async () => {
    const jobs = createJobRuns(store.db, 'a');
    await expect(
      jobs.runOnce('refresh', 's', 60_000, async () => {
        throw new Error('directory unreachable');
      }),
    ).rejects.toThrow('directory unreachable');
    const [row] = await jobs.recent('refresh');
    expect(row?.outcome).toBe('failed: directory unreachable');
    expect(row?.finishedAt).not.toBeNull();
  });
});
