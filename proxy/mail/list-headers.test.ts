import { describe, expect, it } from 'vitest';
import { decodeWords, mailingListOf } from './list-headers';

const lines = (raw: string) =>
  raw.split(/\n(?![ \t])/).map((line) => ({ key: line.slice(0, line.indexOf(':')).toLowerCase(), line }));

describe('mailingListOf', () => {
  it('reads the list name in Vietnamese, its id and both ways to unsubscribe', () => {
    const list = mailingListOf(
      lines(
        'Subject: x\nList-Id: =?utf-8?b?xJBp4buDbSB0aW4gY2h1eeG7g24gxJHhu5VpIHPhu5E=?=\n <diem-tin.tin-tuc.example>\nList-Unsubscribe: <mailto:huy@tin-tuc.example?subject=huy>,\n <https://tin-tuc.example/huy-dang-ky>',
      ),
    );
    expect(list).toEqual({
      id: 'diem-tin.tin-tuc.example',
      name: 'Điểm tin chuyển đổi số',
      unsubscribeUrl: 'https://tin-tuc.example/huy-dang-ky',
      unsubscribeMail: 'mailto:huy@tin-tuc.example?subject=huy',
    });
  });

  it('keeps no unsubscribe target that is not the web or mail', () => {
    const list = mailingListOf(lines('List-Unsubscribe: <javascript:alert(1)>, <data:text/html,x>'));
    expect(list).toEqual({ id: null, name: null, unsubscribeUrl: null, unsubscribeMail: null });
  });

  it('is null for a message from no list', () => {
    expect(mailingListOf(lines('Subject: x\nFrom: a@b.example'))).toBeNull();
  });
});

describe('decodeWords', () => {
  it('decodes B and Q words and joins adjacent ones', () => {
    expect(decodeWords('=?utf-8?q?B=E1=BA=A3n_tin?= =?utf-8?b?IHPhu5E=?=')).toBe('Bản tin số');
    expect(decodeWords('=?x-unknown?b?YQ==?=')).toBe('=?x-unknown?b?YQ==?=');
  });
});
