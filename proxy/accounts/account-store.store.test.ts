import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/open-store';
import { openTestStore, STORE_ENGINES } from '../test-support/test-store';
import { createAccountStore } from './account-store';

describe.each(STORE_ENGINES)('the account store on %s', (engine) => {
  let store: Store;
  let now: Date;
  beforeEach(async () => {
    store = await openTestStore(engine);
    now = new Date('2026-11-29T03:00:00Z');
  });
  afterEach(() => store.close());
  const accounts = () => createAccountStore(store.db, () => now);

  it('creates a record at first sight, keyed by the lower-case address', async () => {
    const a = accounts();
    expect(await a.get('Thanhtv.Sttt@bp')).toBeUndefined();
    const first = await a.ensure('Thanhtv.Sttt@bp');
    expect(first).toMatchObject({
      email: 'thanhtv.sttt@bp',
      state: 'active',
      kind: 'personal',
      role: 'user',
      mustChangePassword: false,
      passwordChangedAt: now,
      createdAt: now,
      departure: null,
    });
    now = new Date('2026-12-01T03:00:00Z');
    expect((await a.ensure('thanhtv.sttt@bp')).createdAt).toEqual(new Date('2026-11-29T03:00:00Z'));
    expect((await a.list()).map((r) => r.email)).toEqual(['thanhtv.sttt@bp']);
  });

  it('keeps the first log-in and moves the last', async () => {
    const a = accounts();
    await a.recordLogin('x@bp');
    now = new Date('2026-12-02T03:00:00Z');
    await a.recordLogin('x@bp');
    expect(await a.get('x@bp')).toMatchObject({
      firstLoginAt: new Date('2026-11-29T03:00:00Z'),
      lastLoginAt: new Date('2026-12-02T03:00:00Z'),
    });
  });

  it('sets and clears the reset flag, and records every state change in order', async () => {
    const a = accounts();
    await a.recordPasswordReset('x@bp');
    expect((await a.get('x@bp'))?.mustChangePassword).toBe(true);
    await a.recordPasswordChange('x@bp');
    expect((await a.get('x@bp'))?.mustChangePassword).toBe(false);
    await a.setState('x@bp', 'suspended', 'inactive');
    now = new Date('2026-12-02T03:00:00Z');
    await a.setState('X@bp', 'active', null);
    expect(await a.get('x@bp')).toMatchObject({ state: 'active', stateReason: null, stateChangedAt: now });
    expect(await a.stateHistory('x@bp')).toEqual([
      { state: 'suspended', reason: 'inactive', at: new Date('2026-11-29T03:00:00Z') },
      { state: 'active', reason: null, at: now },
    ]);
    expect((await a.allStateHistory()).map((h) => `${h.email}:${h.state}`)).toEqual([
      'x@bp:suspended',
      'x@bp:active',
    ]);
  });

  it('changes only the profile fields named', async () => {
    const a = accounts();
    await a.setProfile('x@bp', {
      fullName: 'Tra\u0300n Va\u0306n',
      unitCode: 'sttt',
      quotaBytes: 2 * 1024 ** 3,
    });
    const after = await a.setProfile('x@bp', {
      role: 'unit_manager',
      departure: { on: '2026-12-31', level: 'head', reason: 'retired' },
      inactivityExemption: { reason: 'Đi học', until: null },
    });
    expect(after).toMatchObject({
      fullName: 'Tràn Văn',
      unitCode: 'sttt',
      quotaBytes: 2 * 1024 ** 3,
      role: 'unit_manager',
      departure: { on: '2026-12-31', level: 'head', reason: 'retired' },
      inactivityExemption: { reason: 'Đi học', until: null },
    });
    await a.setSendingLock('x@bp', 'Đã nghỉ hưu');
    expect((await a.get('x@bp'))?.sendingLockedReason).toBe('Đã nghỉ hưu');
  });

  it('keeps only the newest password hashes', async () => {
    const a = accounts();
    await a.rememberPasswords('x@bp', ['h1', 'h2'], 3);
    await a.rememberPasswords('x@bp', ['h3', 'h4'], 3);
    expect(await a.passwordHistory('x@bp', 10)).toEqual(['h4', 'h3', 'h2']);
    expect(await a.passwordHistory('x@bp', 1)).toEqual(['h4']);
    expect(await a.passwordHistory('y@bp', 10)).toEqual([]);
  });
});
