import { describe, expect, it } from 'vitest';
import { DEFAULT_VACATION } from '../../../common/contract';
import { blankFilter, filterFromMessage, filterProblems, newFilterId } from './filter-drafts';
import { vacationBannerText } from './vacation-banner-text';

describe('filterFromMessage', () => {
  it('filters on the sender’s address, named after the sender', () => {
    const f = filterFromMessage(
      { from: { name: 'Sở Tài chính', address: 'vanthu.stc@binhphuoc.gov.vn' }, subject: 'V/v dự toán' },
      (s) => `Thư từ ${s}`,
      'f-1',
    );
    expect(f.name).toBe('Thư từ Sở Tài chính');
    expect(f.conditions).toEqual([{ kind: 'from', text: 'vanthu.stc@binhphuoc.gov.vn' }]);
    expect(filterProblems(f)).toEqual(['filters.needsAction']);
  });

  it('falls back to the subject without a sender', () => {
    const f = filterFromMessage({ from: null, subject: 'Báo cáo tuần' }, (s) => s, 'f-2');
    expect(f.conditions).toEqual([{ kind: 'subject', text: 'Báo cáo tuần' }]);
  });
});

describe('filterProblems', () => {
  it('wants a condition text and an action', () => {
    expect(filterProblems(blankFilter('f-3'))).toEqual(['filters.needsCondition', 'filters.needsAction']);
    const ok = { ...blankFilter('f-4'), conditions: [{ kind: 'hasAttachment' as const }] };
    expect(filterProblems({ ...ok, actions: { ...ok.actions, flag: true } })).toEqual([]);
  });

  it('makes ids in the contract’s alphabet', () => {
    expect(newFilterId(1_765_000_000_000, 0.5)).toMatch(/^[a-z0-9-]{1,40}$/);
  });
});

describe('vacationBannerText', () => {
  const on = { ...DEFAULT_VACATION, enabled: true, message: 'x' };
  it.each([
    ['off', DEFAULT_VACATION, null],
    ['no dates', on, { key: 'vacation.bannerOn', values: {} }],
    [
      'within its days',
      { ...on, fromDay: '2026-12-01', untilDay: '2026-12-31' },
      { key: 'vacation.bannerRange', values: { from: '01/12/2026', until: '31/12/2026' } },
    ],
    [
      'before its first day',
      { ...on, fromDay: '2026-12-20' },
      { key: 'vacation.bannerScheduled', values: { from: '20/12/2026' } },
    ],
    ['after its last day', { ...on, untilDay: '2026-12-06' }, null],
    [
      'on its last day',
      { ...on, untilDay: '2026-12-07' },
      { key: 'vacation.bannerUntil', values: { until: '07/12/2026' } },
    ],
  ])('%s', (_, vacation, expected) => {
    expect(vacationBannerText(vacation, '2026-12-07')).toEqual(expected);
  });
});
