import { describe, expect, it } from 'vitest';
import { MULTIPART_OVERHEAD, uploadAllowance } from './attachment-cap';

const MB = 1024 * 1024;
const cap = 20 * MB;

describe('uploadAllowance', () => {
  it.each([
    // attached sizes, declared Content-Length, remaining, refused unread
    { attached: [], declared: 0, remaining: cap, refuse: false },
    { attached: [], declared: 5 * MB, remaining: cap, refuse: false },
    { attached: [8 * MB, 7 * MB], declared: 4 * MB, remaining: 5 * MB, refuse: false },
    // The framing is allowed for: a file of exactly what is left still goes through.
    { attached: [15 * MB], declared: 5 * MB + MULTIPART_OVERHEAD, remaining: 5 * MB, refuse: false },
    { attached: [15 * MB], declared: 5 * MB + MULTIPART_OVERHEAD + 1, remaining: 5 * MB, refuse: true },
    { attached: [20 * MB], declared: MULTIPART_OVERHEAD + 1, remaining: 0, refuse: true },
    // Over the cap already (the cap was lowered since): nothing left, never negative, refused at once.
    { attached: [25 * MB], declared: 100, remaining: 0, refuse: true },
  ])(
    '$attached + $declared bytes → $remaining left, refused unread: $refuse',
    ({ attached, declared, remaining, refuse }) => {
      const allowance = uploadAllowance(attached, cap, declared);
      expect(allowance.remaining).toBe(remaining);
      expect(allowance.refuseUnread).toBe(refuse);
      expect(allowance.alreadyAttached).toBe(attached.reduce((a, b) => a + b, 0));
    },
  );
});
