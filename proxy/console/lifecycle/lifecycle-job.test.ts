import { describe, expect, it } from 'vitest';
import { DEFAULT_LIFECYCLE_POLICY } from '../../../common/policy/account-lifecycle';
import type { AccountRecord } from '../../accounts/account-store';
import { blankAccountRecord } from '../accounts/account-record';
import { lifecycleAccountOf } from './lifecycle-account';
import { sendingLockReason } from './lifecycle-actions';
import { nextRunAt, planLifecycle, upcomingLifecycle } from './lifecycle-job';
import { mboxEntry } from './mailbox-export';

const at = (iso: string) => new Date(iso);

function record(over: Partial<AccountRecord> = {}): AccountRecord {
  return {
    ...blankAccountRecord('thanhtv.sttt@binhphuoc.gov.vn', at('2026-01-05T02:00:00Z')),
    fullName: 'Trần Văn Thanh',
    unitCode: 'sttt',
    lastLoginAt: at('2026-03-02T01:00:00Z'),
    ...over,
  };
}

const kinds = (records: AccountRecord[], now: string) =>
  planLifecycle(records, at(now), DEFAULT_LIFECYCLE_POLICY).map((a) => `${a.kind}@${a.dueOn}`);

describe('lifecycleAccountOf', () => {
  it('counts inactivity from a reactivation, not from the months spent suspended', () => {
    const restored = record({
      lastLoginAt: null,
      createdAt: at('2025-01-01T00:00:00Z'),
      stateChangedAt: at('2026-05-10T03:00:00Z'),
    });
    expect(lifecycleAccountOf(restored).activeSince).toEqual(at('2026-05-10T03:00:00Z'));
    // Suspended: its stateChangedAt is the suspension, which is no activity.
    expect(lifecycleAccountOf({ ...restored, state: 'suspended' }).activeSince).toEqual(
      at('2025-01-01T00:00:00Z'),
    );
  });

  it('maps the sending lock, the restore request and the departure', () => {
    const a = lifecycleAccountOf(
      record({
        sendingLockedReason: 'x',
        restoreRequestedAt: at('2026-06-01T02:00:00Z'),
        departure: { on: '2026-06-30', level: 'head', reason: 'retired' },
      }),
    );
    expect(a.sendingLocked).toBe(true);
    expect(a.restoreRequest).toEqual({ receivedAt: at('2026-06-01T02:00:00Z') });
    expect(a.departure).toEqual({ on: '2026-06-30', level: 'head', reason: 'retired' });
  });
});

describe('planLifecycle (the daily job and its dry run)', () => {
  it('locks a leaving staff member on the official date itself, a head a month later', () => {
    const staff = record({ departure: { on: '2026-07-01', level: 'staff', reason: 'resigned' } });
    const head = record({ email: 'h@x', departure: { on: '2026-07-01', level: 'head', reason: 'retired' } });
    expect(kinds([staff, head], '2026-06-30T16:59:59Z')).toEqual([]);
    // 00:00 of 01/07 in Viet Nam is 17:00 UTC on 30/06.
    expect(kinds([staff, head], '2026-06-30T17:00:00Z')).toEqual(['lock_sending@2026-07-01']);
    expect(kinds([staff, head], '2026-08-01T17:00:00Z')).toEqual([
      'lock_sending@2026-07-01',
      'lock_sending@2026-08-02',
    ]);
  });

  it('exports then revokes six months and a day after a staff departure, in that order', () => {
    const left = record({
      departure: { on: '2026-07-01', level: 'staff', reason: 'transferred_out' },
      sendingLockedReason: 'locked',
    });
    const plan = planLifecycle([left], at('2027-01-02T01:00:00Z'), DEFAULT_LIFECYCLE_POLICY);
    expect(plan.map((a) => [a.kind, a.dueOn, a.blockedBy])).toEqual([
      ['export', '2026-12-19', null],
      ['revoke', '2027-01-02', 'export'],
    ]);
    // With a recent export, revocation waits for nothing.
    const exported = { ...left, exportedAt: at('2026-12-20T00:00:00Z') };
    expect(planLifecycle([exported], at('2027-01-02T01:00:00Z'), DEFAULT_LIFECYCLE_POLICY)).toMatchObject([
      { kind: 'revoke', blockedBy: null },
    ]);
  });

  it('suspends after six months without log-in unless an exemption is recorded', () => {
    const quiet = record({ lastLoginAt: at('2026-01-10T02:00:00Z') });
    expect(kinds([quiet], '2026-07-10T02:00:00Z')).toEqual([]);
    expect(kinds([quiet], '2026-07-11T02:00:00Z')).toEqual(['suspend_inactive@2026-07-11']);
    const exempt = { ...quiet, inactivityExemption: { reason: 'Đi học nước ngoài', until: null } };
    expect(kinds([exempt], '2027-07-11T02:00:00Z')).toEqual([]);
  });

  it('lists a restore request for a person to act on, with its deadline of one working day', () => {
    const suspended = record({
      state: 'suspended',
      // Friday 04/12/2026 in Viet Nam: the deadline is Monday.
      restoreRequestedAt: at('2026-12-04T03:00:00Z'),
    });
    const [action] = planLifecycle([suspended], at('2026-12-04T04:00:00Z'), DEFAULT_LIFECYCLE_POLICY);
    expect(action).toMatchObject({ kind: 'review_restore', automatic: false, deadlineOn: '2026-12-07' });
  });

  it('shows what comes within the next days, soonest first', () => {
    const left = record({ departure: { on: '2026-07-01', level: 'head', reason: 'retired' } });
    const quiet = record({ email: 'q@x', lastLoginAt: at('2026-01-20T02:00:00Z') });
    const soon = upcomingLifecycle([left, quiet], at('2026-06-20T02:00:00Z'), 60, DEFAULT_LIFECYCLE_POLICY);
    expect(soon.map((a) => `${a.email} ${a.kind} ${a.dueOn}`)).toEqual([
      'q@x suspend_inactive 2026-07-21',
      'thanhtv.sttt@binhphuoc.gov.vn lock_sending 2026-08-02',
    ]);
  });
});

describe('inputs and texts', () => {
  it('gives the holder the reason and the article in Vietnamese', () => {
    expect(sendingLockReason({ on: '2026-07-01', level: 'staff', reason: 'retired' })).toBe(
      'Hộp thư bị khóa chức năng gửi thư từ ngày 01/07/2026 do nghỉ hưu (điểm b khoản 3 Điều 5 Quy chế ban hành kèm Quyết định 1956/QĐ-UBND).',
    );
  });

  it('runs the job at the configured hour in Viet Nam', () => {
    expect(nextRunAt(at('2026-07-01T10:00:00Z'), 2)).toEqual(at('2026-07-01T19:00:00Z'));
    expect(nextRunAt(at('2026-07-01T19:00:00Z'), 2)).toEqual(at('2026-07-02T19:00:00Z'));
  });

  it('writes mboxrd entries: folder header, quoted From lines, LF endings', () => {
    const entry = mboxEntry(
      'Công văn đến',
      { received: '2026-10-30 09:30:00' },
      'Subject: a\r\n\r\nFrom here\r\n>From there',
    );
    expect(entry).toBe(
      'From MAILER-DAEMON Fri Oct 30 09:30:00 2026\nX-Folder: Công văn đến\nSubject: a\n\n>From here\n>>From there\n\n',
    );
  });
});
