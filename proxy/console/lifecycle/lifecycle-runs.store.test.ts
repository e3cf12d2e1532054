import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../store/open-store';
import { openTestStore, STORE_ENGINES } from '../../test-support/test-store';
import type { RunAction } from './lifecycle-job';
import { createLifecycleRuns } from './lifecycle-runs';

describe.each(STORE_ENGINES)('lifecycle runs on %s', (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(engine);
  });
  afterEach(() => store.close());

  it('keeps each run with its actions and lists the newest first', async () => {
    let now = new Date('2026-11-29T18:00:00Z');
    const runs = createLifecycleRuns(store.db, () => now);
    const action: RunAction = {
      email: 'x@bp',
      unitCode: 'sttt',
      kind: 'suspend_inactive',
      rule: 'Đ6.2a',
      dueOn: '2026-11-30',
      automatic: true,
      blockedBy: null,
      deadlineOn: null,
      outcome: 'would_do',
    };
    const first = await runs.record({ dryRun: true, actor: 'quantri@bp', actions: [action] });
    now = new Date('2026-11-30T18:00:00Z');
    const second = await runs.record({ dryRun: false, actor: 'system:lifecycle-job', actions: [] });
    expect(second.id).toBeGreaterThan(first.id);
    expect(await runs.list()).toEqual([
      { id: second.id, ranAt: now, dryRun: false, actor: 'system:lifecycle-job', actions: [] },
      {
        id: first.id,
        ranAt: new Date('2026-11-29T18:00:00Z'),
        dryRun: true,
        actor: 'quantri@bp',
        actions: [action],
      },
    ]);
    expect(await runs.list(1)).toHaveLength(1);
  });
});
