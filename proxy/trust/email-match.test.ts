import { describe, expect, it } from 'vitest';
import { emailMatchesFrom } from './email-match';

describe('emailMatchesFrom', () => {
  it.each<[string, string[], string | null, boolean]>([
    ['same address', ['thanhtv.sttt@binhphuoc.gov.vn'], 'thanhtv.sttt@binhphuoc.gov.vn', true],
    ['domain in another case', ['thanhtv.sttt@BinhPhuoc.Gov.VN'], 'thanhtv.sttt@binhphuoc.gov.vn', true],
    [
      'local part in another case is another mailbox',
      ['ThanhTV.sttt@binhphuoc.gov.vn'],
      'thanhtv.sttt@binhphuoc.gov.vn',
      false,
    ],
    ['one of several addresses', ['a@x.vn', 'vanthu@binhphuoc.gov.vn'], 'vanthu@binhphuoc.gov.vn', true],
    ['another address', ['khac@binhphuoc.gov.vn'], 'vanthu@binhphuoc.gov.vn', false],
    ['another domain', ['vanthu@binhphuoc.vn'], 'vanthu@binhphuoc.gov.vn', false],
    ['no address in the certificate', [], 'vanthu@binhphuoc.gov.vn', false],
    ['no From', ['vanthu@binhphuoc.gov.vn'], null, false],
    [
      'composed and decomposed letters agree',
      ['thư@bình.vn'.normalize('NFD')],
      'thư@bình.vn'.normalize('NFC'),
      true,
    ],
    ['surrounding spaces', [' vanthu@binhphuoc.gov.vn '], 'vanthu@binhphuoc.gov.vn', true],
    ['not an address', ['vanthu'], 'vanthu', false],
  ])('%s', (_name, certificateEmails, from, expected) => {
    expect(emailMatchesFrom(certificateEmails, from)).toBe(expected);
  });
});
