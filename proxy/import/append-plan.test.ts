import { describe, expect, it } from 'vitest';
import { appendDecision, emptyFolderIndex, remember } from './append-plan';

const cap = 20 * 1024 * 1024;
const m = (over: Partial<Parameters<typeof appendDecision>[0]> = {}) => ({
  messageId: '<a@b>',
  date: new Date('2026-01-02T03:04:05Z'),
  dateFromMessage: true,
  size: 1000,
  ...over,
});
const room = { usedBytes: 0, limitBytes: 1_000_000 };

describe('appendDecision', () => {
  it('appends a new message that fits', () => {
    expect(appendDecision(m(), emptyFolderIndex(), room, cap)).toBe('append');
  });

  it('skips an exact duplicate (Message-ID, second, size) but not a near one', () => {
    const index = emptyFolderIndex();
    remember(index, m());
    expect(appendDecision(m(), index, room, cap)).toBe('duplicate');
    expect(appendDecision(m({ size: 1001 }), index, room, cap)).toBe('append');
    expect(appendDecision(m({ date: new Date('2026-01-02T03:04:06Z') }), index, room, cap)).toBe('append');
    expect(appendDecision(m({ messageId: '<c@d>' }), index, room, cap)).toBe('append');
  });

  it('matches a message whose date was made up by Message-ID and size alone', () => {
    const index = emptyFolderIndex();
    remember(index, m());
    expect(appendDecision(m({ dateFromMessage: false, date: new Date() }), index, room, cap)).toBe(
      'duplicate',
    );
  });

  it('skips a message over the cap before anything else', () => {
    expect(
      appendDecision(m({ size: cap + 1 }), emptyFolderIndex(), { usedBytes: 0, limitBytes: 10 }, cap),
    ).toBe('too_large');
  });

  it('stops when the message would pass the quota; exactly full still fits', () => {
    expect(appendDecision(m(), emptyFolderIndex(), { usedBytes: 999_001, limitBytes: 1_000_000 }, cap)).toBe(
      'quota_full',
    );
    expect(appendDecision(m(), emptyFolderIndex(), { usedBytes: 999_000, limitBytes: 1_000_000 }, cap)).toBe(
      'append',
    );
    expect(appendDecision(m(), emptyFolderIndex(), { usedBytes: null, limitBytes: null }, cap)).toBe(
      'append',
    );
  });
});
