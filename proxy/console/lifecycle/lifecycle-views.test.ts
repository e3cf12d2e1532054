import { describe, expect, it } from 'vitest';
import { DEFAULT_LIFECYCLE_POLICY } from '../../../common/policy/account-lifecycle';
import type { AccountRecord } from '../../accounts/account-store';
import type { AppContext } from '../../app-context';
import { ApiError } from '../../errors';
import { blankAccountRecord } from '../accounts/account-record';
import { lifecycleStatusView, lifecycleToday, lifecycleUpcoming, previewMoment } from './lifecycle-views';

const at = (iso: string) => new Date(iso);

function record(email: string, over: Partial<AccountRecord> = {}): AccountRecord {
  return {
    ...blankAccountRecord(email, at('2025-01-05T02:00:00Z')),
    fullName: 'Trần Văn Thanh',
    unitCode: 'sttt',
    lastLoginAt: at('2025-02-02T01:00:00Z'),
    ...over,
  };
}

describe('previewMoment', () => {
  const now = at('2026-10-15T03:00:00Z');
  it('is now without a day', () => {
    expect(previewMoment(undefined, now)).toBe(now);
    expect(previewMoment('', now)).toBe(now);
  });
  it('is 00:00 in Viet Nam of the day typed, either way it is written', () => {
    expect(previewMoment('20/10/2026', now)).toEqual(at('2026-10-19T17:00:00Z'));
    expect(previewMoment('2026-10-20', now)).toEqual(at('2026-10-19T17:00:00Z'));
  });
  it('refuses what is not a day', () => {
    expect(() => previewMoment('31/02/2026', now)).toThrow(ApiError);
    expect(() => previewMoment('mai', now)).toThrow(expect.objectContaining({ code: 'validation_failed' }));
  });
});

describe('what a unit manager sees of the lifecycle', () => {
  // Inactive for over six months: each has an action due.
  const accounts = [
    record('thanhtv.sttt@binhphuoc.gov.vn'),
    record('lannt.dongxoai@binhphuoc.gov.vn', { unitCode: 'dongxoai' }),
    record('khongdonvi@binhphuoc.gov.vn', { unitCode: null }),
  ];
  // Its six months without a log-in (Đ6.2a) end within the month to come.
  const soon = record('hoapt.sttt@binhphuoc.gov.vn', { lastLoginAt: at('2026-04-25T01:00:00Z') });
  const ctx = {
    accounts: { list: async () => accounts },
    config: { holidays: DEFAULT_LIFECYCLE_POLICY.holidays, console: { lifecycleJobHour: 1 } },
  } as unknown as Pick<AppContext, 'accounts' | 'config'>;
  const now = at('2026-10-15T03:00:00Z');
  const emails = (actions: { email: string }[]) => [...new Set(actions.map((a) => a.email))].sort();

  it('an admin sees every account, a manager only their units’ (none without a unit)', async () => {
    expect(emails((await lifecycleToday(ctx, null, undefined, now)).actions)).toEqual([
      'khongdonvi@binhphuoc.gov.vn',
      'lannt.dongxoai@binhphuoc.gov.vn',
      'thanhtv.sttt@binhphuoc.gov.vn',
    ]);
    expect(emails((await lifecycleToday(ctx, new Set(['dongxoai']), undefined, now)).actions)).toEqual([
      'lannt.dongxoai@binhphuoc.gov.vn',
    ]);
    accounts.push(soon);
    expect(emails((await lifecycleUpcoming(ctx, new Set(['sttt']), 30, now)).actions)).toContain(soon.email);
    expect((await lifecycleUpcoming(ctx, new Set(['dongxoai']), 30, now)).actions).toEqual([]);
    accounts.pop();
  });

  it('dates the dry run at the preview day, with the job hour', async () => {
    const today = await lifecycleToday(ctx, null, '2026-10-20', now);
    expect(today).toMatchObject({ now: '2026-10-19T17:00:00.000Z', day: '2026-10-20', jobHour: 1 });
  });
});

describe('lifecycleStatusView', () => {
  it('writes instants as ISO text and absent facts as null', () => {
    const view = lifecycleStatusView(
      record('thanhtv.sttt@binhphuoc.gov.vn', {
        inactivityExemption: { reason: 'Đi học dài hạn', until: at('2027-01-01T00:00:00Z') },
        restoreRequestedAt: at('2026-10-01T02:00:00Z'),
      }),
      [{ kind: 'suspend', rule: 'inactive_12_months', dueOn: '2026-02-02', automatic: true }] as never,
      '2026-10-08',
    );
    expect(view).toMatchObject({
      email: 'thanhtv.sttt@binhphuoc.gov.vn',
      unitCode: 'sttt',
      createdAt: '2025-01-05T02:00:00.000Z',
      lastLoginAt: '2025-02-02T01:00:00.000Z',
      lastSentAt: null,
      exportedAt: null,
      inactivityExemption: { reason: 'Đi học dài hạn', until: '2027-01-01T00:00:00.000Z' },
      restoreRequestedAt: '2026-10-01T02:00:00.000Z',
      restoreDeadlineOn: '2026-10-08',
      schedule: [
        {
          kind: 'suspend',
          rule: 'inactive_12_months',
          dueOn: '2026-02-02',
          automatic: true,
          blockedBy: null,
          deadlineOn: null,
        },
      ],
    });
  });
});
