import { describe, expect, it } from 'vitest';
import { ImapUid, ImapUidText, MailboxName } from './imap-values';

describe('values a request carries to IMAP', () => {
  it.each([
    ['INBOX', true],
    ['Dự án/Chuyển đổi số', true],
    ['Công văn đến', true],
    ['', false],
    ['INBOX\r\nA1 LOGOUT', false],
    ['INBOX\n', false],
    ['INBOX\u0000', false],
    ['Tab\there', false],
    ['DEL\u007f', false],
    ['x'.repeat(1001), false],
  ])('folder name %j accepted: %s', (name, ok) => {
    expect(MailboxName.safeParse(name).success).toBe(ok);
  });

  it.each([
    [1, true],
    [4_294_967_295, true],
    [0, false],
    [-1, false],
    [4_294_967_296, false],
    [1.5, false],
    [1e20, false],
  ])('UID %s accepted: %s', (uid, ok) => {
    expect(ImapUid.safeParse(uid).success).toBe(ok);
    expect(ImapUidText.safeParse(String(uid)).success).toBe(ok);
  });
});
