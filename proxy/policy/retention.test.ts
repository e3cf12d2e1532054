import { describe, expect, it } from 'vitest';
import { retentionCutoff } from './retention';

describe('Đ7.1: six months of logs', () => {
  it.each([
    ['2026-11-29T03:00:00Z', '2026-05-29T03:00:00.000Z'],
    ['2026-08-31T10:00:00Z', '2026-02-28T10:00:00.000Z'],
    ['2028-08-31T10:00:00Z', '2028-02-29T10:00:00.000Z'],
    ['2027-03-15T00:00:00Z', '2026-09-15T00:00:00.000Z'],
  ])('%s keeps entries from %s on', (now, cutoff) => {
    expect(retentionCutoff(new Date(now), 6).toISOString()).toBe(cutoff);
  });
});
