import { describe, expect, it } from 'vitest';
import {
  checkSuspension,
  DEFAULT_LIFECYCLE_POLICY,
  type DepartureLevel,
  departureCalendar,
  type LifecycleAccount,
  type LifecycleEvent,
  lifecycleActions,
  nextLifecycleEvents,
} from './account-lifecycle';

/** A wall-clock time in Bình Phước. */
const at = (local: string) => new Date(`${local}+07:00`);

const account = (over: Partial<LifecycleAccount> = {}): LifecycleAccount => ({
  email: 'thanhtv.sttt@binhphuoc.gov.vn',
  kind: 'personal',
  state: 'active',
  sendingLocked: false,
  activeSince: at('2024-01-02T08:00'),
  lastLoginAt: null,
  lastSentAt: null,
  ...over,
});

const brief = (events: LifecycleEvent[]) =>
  events.map((e) => `${e.kind}@${e.dueOn}${e.blockedBy ? `(after ${e.blockedBy})` : ''}`);

describe('Đ5.3b: "khóa ngay … thu hồi sau 06 tháng" (staff), "khóa … sau 01 tháng … thu hồi sau 12 tháng" (heads)', () => {
  it.each([
    // level, official date, sending locked on, revoked on
    ['staff', '2026-10-01', '2026-10-01', '2027-04-02', 'the period ends with 01/04, revoked the next day'],
    ['staff', '2026-08-31', '2026-08-31', '2027-03-01', 'no 31/2: the period ends with 28/2/2027'],
    ['staff', '2026-08-28', '2026-08-28', '2027-03-01', 'ends with 28/2/2027'],
    ['staff', '2027-08-28', '2027-08-28', '2028-02-29', 'ends with 28/2/2028, a leap year'],
    ['staff', '2027-08-31', '2027-08-31', '2028-03-01', 'ends with 29/2/2028'],
    ['head', '2026-01-31', '2026-03-01', '2027-02-01', '31/1 + 1 month ends with 28/2'],
    ['head', '2027-01-28', '2027-03-01', '2028-01-29', ''],
    ['head', '2028-01-28', '2028-02-29', '2029-01-29', 'leap February'],
    ['head', '2028-02-29', '2028-03-30', '2029-03-01', 'from a leap day'],
    ['head', '2026-12-31', '2027-02-01', '2028-01-01', 'over the year end'],
  ] as [DepartureLevel, string, string, string, string][])(
    '%s leaving on %s: lock %s, revoke %s (%s)',
    (level, on, lockOn, revokeOn) => {
      const a = account({ departure: { on, level, reason: 'retired' } });
      const all = nextLifecycleEvents(a, at(`${on}T00:00`), DEFAULT_LIFECYCLE_POLICY).concat(
        lifecycleActions(a, at(`${on}T00:00`)),
      );
      expect(all.find((e) => e.kind === 'lock_sending')?.dueOn).toBe(lockOn);
      expect(all.find((e) => e.kind === 'revoke')?.dueOn).toBe(revokeOn);
      // The form's preview reads the same days from the departure alone.
      expect(departureCalendar({ on, level })).toMatchObject({ lockSendingOn: lockOn, revokeOn });
    },
  );

  it('previews a departure as the schedule of an account with nothing done yet', () => {
    for (const departure of [
      { on: '2026-10-01', level: 'staff', reason: 'retired' },
      { on: '2026-01-31', level: 'head', reason: 'transferred_out' },
    ] as const) {
      const schedule = nextLifecycleEvents(account({ departure }), at('2025-01-01T00:00'));
      const dueOn = (kind: string) => schedule.find((e) => e.kind === kind)?.dueOn;
      expect(departureCalendar(departure)).toEqual({
        lockSendingOn: dueOn('lock_sending'),
        exportOn: dueOn('export'),
        revokeOn: dueOn('revoke'),
      });
    }
  });

  it('exports a few days before revocation, never before the departure itself', () => {
    const { exportOn, revokeOn } = departureCalendar({ on: '2026-10-01', level: 'staff' });
    expect(revokeOn).toBe('2027-04-02');
    expect(exportOn < revokeOn).toBe(true);
    const short = departureCalendar(
      { on: '2026-10-01', level: 'staff' },
      { ...DEFAULT_LIFECYCLE_POLICY, exportLeadDays: 400 },
    );
    expect(short.exportOn).toBe('2026-10-01');
  });

  it('locks a staff member’s sending from 00:00 of the official date, Vietnamese time', () => {
    const a = account({ departure: { on: '2026-10-01', level: 'staff', reason: 'resigned' } });
    expect(lifecycleActions(a, new Date('2026-09-30T16:59:59Z'))).toEqual([]);
    expect(brief(lifecycleActions(a, new Date('2026-09-30T17:00:00Z')))).toEqual(['lock_sending@2026-10-01']);
  });

  it('lets a head send for the first month', () => {
    const a = account({ departure: { on: '2026-01-31', level: 'head', reason: 'transferred_out' } });
    expect(lifecycleActions(a, at('2026-02-28T23:59'))).toEqual([]);
    expect(brief(lifecycleActions(a, at('2026-03-01T00:00')))).toEqual(['lock_sending@2026-03-01']);
  });

  it('shows the whole schedule in advance, the export before the revocation', () => {
    const a = account({ departure: { on: '2026-10-01', level: 'staff', reason: 'retired' } });
    expect(brief(nextLifecycleEvents(a, at('2026-09-01T09:00')))).toEqual([
      'lock_sending@2026-10-01',
      'export@2027-03-19',
      'revoke@2027-04-02(after export)',
    ]);
    // Once sending is locked the job does not lock it again.
    expect(brief(nextLifecycleEvents({ ...a, sendingLocked: true }, at('2026-10-02T09:00')))).toEqual([
      'export@2027-03-19',
      'revoke@2027-04-02(after export)',
    ]);
  });

  it('does not revoke before the mailbox is exported', () => {
    const a = account({
      sendingLocked: true,
      departure: { on: '2026-10-01', level: 'staff', reason: 'retired' },
    });
    expect(brief(lifecycleActions(a, at('2027-04-02T01:00')))).toEqual([
      'export@2027-03-19',
      'revoke@2027-04-02(after export)',
    ]);
    expect(
      brief(lifecycleActions({ ...a, exportedAt: at('2027-03-20T02:00') }, at('2027-04-02T01:00'))),
    ).toEqual(['revoke@2027-04-02']);
  });

  it('does not accept an export taken months before: the mail since would be lost', () => {
    const a = account({
      sendingLocked: true,
      exportedAt: at('2026-12-01T10:00'),
      departure: { on: '2026-10-01', level: 'staff', reason: 'retired' },
    });
    expect(brief(lifecycleActions(a, at('2027-04-02T01:00')))).toContain('export@2027-03-19');
  });

  it('follows a configured policy', () => {
    const policy = {
      ...DEFAULT_LIFECYCLE_POLICY,
      departure: {
        ...DEFAULT_LIFECYCLE_POLICY.departure,
        staff: { lockSendingAfterMonths: 0, revokeAfterMonths: 3 },
      },
      exportLeadDays: 7,
    };
    const a = account({ departure: { on: '2026-10-01', level: 'staff', reason: 'retired' } });
    expect(brief(nextLifecycleEvents(a, at('2026-09-01T09:00'), policy))).toEqual([
      'lock_sending@2026-10-01',
      'export@2026-12-26',
      'revoke@2027-01-02(after export)',
    ]);
  });

  it('ignores a departure on a unit mailbox, and does nothing to a revoked one', () => {
    const unit = account({
      kind: 'unit',
      departure: { on: '2026-10-01', level: 'staff', reason: 'retired' },
    });
    expect(brief(lifecycleActions(unit, at('2026-09-01T09:00')))).toEqual(['suspend_inactive@2024-07-03']);
    const revoked = account({
      state: 'revoked',
      departure: { on: '2026-10-01', level: 'staff', reason: 'retired' },
    });
    expect(lifecycleActions(revoked, at('2030-01-01T00:00'))).toEqual([]);
    expect(nextLifecycleEvents(revoked, at('2026-01-01T00:00'))).toEqual([]);
  });
});

describe('Đ6.2a: "Không phát sinh giao dịch gửi, nhận trong khoảng thời gian 06 tháng mà không thông báo lý do"', () => {
  it.each([
    ['last log-in 15/3/2026', { lastLoginAt: at('2026-03-15T10:00') }, '2026-09-16'],
    ['last send 31/8/2026', { lastSentAt: at('2026-08-31T09:00') }, '2027-03-01'],
    ['last send 28/8/2027', { lastSentAt: at('2027-08-28T09:00') }, '2028-02-29'],
    [
      'the later of log-in and send',
      { lastLoginAt: at('2026-01-05T08:00'), lastSentAt: at('2026-02-05T08:00') },
      '2026-08-06',
    ],
    ['log-in at 00:30 on 1/4, still 31/3 in UTC', { lastLoginAt: at('2026-04-01T00:30') }, '2026-10-02'],
    ['never used since its creation on 10/5/2026', { activeSince: at('2026-05-10T14:00') }, '2026-11-11'],
    [
      'restored on 1/7/2026 after a year unused',
      { activeSince: at('2026-07-01T09:00'), lastLoginAt: at('2025-05-01T09:00') },
      '2027-01-02',
    ],
  ] as const)('%s → suspended on %s', (_label, over, suspendOn) => {
    const a = account(over);
    const [next] = nextLifecycleEvents(a, at('2024-01-03T00:00'));
    expect(next).toMatchObject({
      kind: 'suspend_inactive',
      rule: 'Đ6.2a',
      dueOn: suspendOn,
      automatic: true,
    });
    const dayBefore = new Date(next!.dueAt.getTime() - 1);
    expect(lifecycleActions(a, dayBefore)).toEqual([]);
    expect(brief(lifecycleActions(a, next!.dueAt))).toEqual([`suspend_inactive@${suspendOn}`]);
  });

  it('does not count circulars arriving in an abandoned mailbox, unless configured to', () => {
    const a = account({ lastLoginAt: at('2026-01-10T08:00'), lastReceivedAt: at('2026-09-01T08:00') });
    expect(brief(lifecycleActions(a, at('2026-09-02T00:00')))).toEqual(['suspend_inactive@2026-07-11']);
    const policy = { ...DEFAULT_LIFECYCLE_POLICY, deliveriesCountAsActivity: true };
    expect(lifecycleActions(a, at('2026-09-02T00:00'), policy)).toEqual([]);
  });

  it('keeps a mailbox whose holder gave a reason, and counts again from the end of it', () => {
    const a = account({ lastLoginAt: at('2026-01-10T08:00') });
    const open = { ...a, inactivityExemption: { reason: 'Học tập ở nước ngoài', until: null } };
    expect(lifecycleActions(open, at('2027-06-01T00:00'))).toEqual([]);
    expect(nextLifecycleEvents(open, at('2027-06-01T00:00'))).toEqual([]);
    const untilEnd = {
      ...a,
      inactivityExemption: { reason: 'Nghỉ thai sản', until: at('2026-12-31T00:00') },
    };
    expect(brief(nextLifecycleEvents(untilEnd, at('2026-08-01T00:00')))).toEqual([
      'suspend_inactive@2027-07-01',
    ]);
  });

  it('does not suspend a suspended mailbox again', () => {
    expect(lifecycleActions(account({ state: 'suspended' }), at('2030-01-01T00:00'))).toEqual([]);
  });
});

describe('Đ6.3b: "Sau 01 ngày làm việc kể từ khi tiếp nhận yêu cầu … kích hoạt … khởi tạo lại mật khẩu"', () => {
  it.each([
    ['Thursday 12/3/2026', '2026-03-12T10:00', '2026-03-13'],
    ['Friday 6/3/2026', '2026-03-06T16:00', '2026-03-09'],
    ['Friday before Tết, 13/2/2026', '2026-02-13T10:00', '2026-02-23'],
    ['Saturday 22/8/2026, a worked day', '2026-08-22T10:00', '2026-08-24'],
  ])('a request received %s is to be handled by %s', (_label, received, deadline) => {
    const a = account({ state: 'suspended', restoreRequest: { receivedAt: at(received) } });
    expect(lifecycleActions(a, at(received))).toEqual([
      {
        kind: 'review_restore',
        rule: 'Đ6.3b',
        dueOn: received.slice(0, 10),
        dueAt: at(received),
        automatic: false,
        deadlineOn: deadline,
      },
    ]);
  });

  it('ignores a restore request for a mailbox that is not suspended', () => {
    const a = account({
      lastLoginAt: at('2026-03-01T08:00'),
      restoreRequest: { receivedAt: at('2026-03-12T10:00') },
    });
    expect(brief(lifecycleActions(a, at('2026-03-12T11:00')))).toEqual([]);
  });
});

describe('Đ6.2b, Đ6.2c: suspension by the admin names a ground of Đ6.2', () => {
  it.each([
    [{ reason: 'compromised', note: 'Cảnh báo của VNCERT ngày 3/3' }, []],
    [{ reason: 'spam_or_malware', note: 'Gửi 4.000 thư rác trong 1 giờ' }, []],
    [{ reason: 'prohibited_use', note: 'Quảng cáo hàng hóa (Đ3.2)' }, []],
    [{ reason: 'inactive' }, []],
    [{ reason: 'virus', note: '  ' }, ['suspension_note_required']],
    [{ reason: 'compromised' }, ['suspension_note_required']],
    [{ reason: 'toString', note: 'x' }, ['suspension_reason_unknown']],
    [{ reason: 'annoying', note: 'x' }, ['suspension_reason_unknown']],
  ])('%j → %j', (input, codes) => {
    expect(checkSuspension(input)).toEqual(codes);
  });
});
