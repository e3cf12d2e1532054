import { describe, expect, it } from 'vitest';
import { comparableName, editDistance, type SenderPolicy, senderWarnings } from './sender-warnings';

const colleagues = ['Trần Văn Thanh', 'Nguyễn Thị Mỹ Hạnh', 'Phạm Quốc Dũng'];
const policy: SenderPolicy = {
  mailDomain: 'binhphuoc.gov.vn',
  governmentDomains: ['*.gov.vn'],
  officialTitles: ['Chủ tịch', 'Phó Chủ tịch', 'Giám đốc Sở', 'Văn phòng UBND'],
  colleagueNames: new Map(colleagues.map((n) => [comparableName(n), n])),
};

const from = (name: string, address: string) => ({ from: { name, address }, replyTo: [] });
const codes = (input: Parameters<typeof senderWarnings>[0]) =>
  senderWarnings(input, policy).warnings.map((w) => w.code);

describe('senderWarnings', () => {
  // [display name, address, outside, warning codes]
  const table: [string, string, boolean, string[]][] = [
    // The province's own and other government mail: nothing to say.
    ['Trần Văn Thanh', 'thanhtv.sttt@binhphuoc.gov.vn', false, []],
    ['Chủ tịch UBND tỉnh', 'chutich@binhphuoc.gov.vn', false, []],
    ['Văn phòng UBND tỉnh Đồng Nai', 'vanphong@dongnai.gov.vn', false, []],
    ['Sở Giáo dục', 'sgddt@sgddt.binhphuoc.gov.vn', false, []],
    ['Bộ Thông tin và Truyền thông', 'vanthu@mic.gov.vn', false, []],
    // Outside but honest.
    ['Báo Bình Phước', 'toasoan@baobinhphuoc.com.vn', true, []],
    ['Công ty Viễn thông', 'hotro@vnpt.vn', true, []],
    ['', 'someone@gmail.com', true, []],
    // Domains that imitate the province's.
    ['Văn thư', 'vanthu@binhphuoc-gov.vn', true, ['lookalike_domain']],
    ['Văn thư', 'vanthu@binhphuocgov.vn', true, ['lookalike_domain']],
    ['Quản trị hệ thống', 'admin@binhphuoc-gov.example', true, ['lookalike_domain']],
    [
      'Văn phòng UBND tỉnh Bình Phước',
      'vp@ubnd-binhphuoc-gov.vn',
      true,
      ['lookalike_domain', 'official_title_outside'],
    ],
    ['Văn thư', 'vanthu@binhphuoc.gov.vn.mail-server.com', true, ['lookalike_domain']],
    ['Văn thư', 'vanthu@binhphuoc.gov.vn-mail.com', true, ['lookalike_domain']],
    ['Văn thư', 'vanthu@binhphuoc.gov.vm', true, ['lookalike_domain']],
    ['Văn thư', 'vanthu@blnhphuoc-gov.vn', true, ['lookalike_domain']],
    ['Văn thư', 'vanthu@sttt.binhphuoc.gov.co', true, ['lookalike_domain']],
    ['Văn thư', 'vanthu@hanoi-gov.vn', true, ['lookalike_domain']],
    // Cyrillic і and о in place of Latin i and o (as typed, and as punycode on the wire).
    ['Văn thư', 'vanthu@bіnhphuоc.gоv.vn', true, ['lookalike_domain']],
    ['Văn thư', 'vanthu@xn--bnhphuc-fjg4s.xn--gv-fmc.vn', true, ['lookalike_domain']],
    // Greek ο in "gov".
    ['Văn thư', 'vanthu@tayninh.gοv.vn', true, ['lookalike_domain']],
    // Vietnamese letters on a look-alike IDN: bìnhphước-gov.vn.
    ['Văn thư', 'vanthu@bìnhphước-gov.vn', true, ['lookalike_domain']],
    // Official titles and colleagues' names from outside, matched without tones.
    ['Chủ tịch UBND tỉnh Bình Phước', 'chutich.ubnd@gmail.com', true, ['official_title_outside']],
    ['CHU TICH UBND TINH', 'ubnd.binhphuoc@yahoo.com', true, ['official_title_outside']],
    ['Phó Chủ tịch Nguyễn Văn A', 'pct.binhphuoc@outlook.com', true, ['official_title_outside']],
    ['Giam doc So Tai chinh', 'gd.stc@gmail.com', true, ['official_title_outside']],
    ['Văn phòng UBND tỉnh', 'vpubnd@binhphuoc-gov.vn', true, ['lookalike_domain', 'official_title_outside']],
    ['Trần Văn Thanh', 'thanhtv.sttt@gmail.com', true, ['colleague_name_outside']],
    ['tran van thanh (STTT)', 'thanh.tv@gmail.com', true, ['colleague_name_outside']],
    // Cyrillic а in a colleague's name.
    ['Trần Văn Thаnh', 'thanh@gmail.com', true, ['colleague_name_outside']],
    // Not a title: a word that merely contains one.
    ['Công ty Chủ tịch Hồ Chí Minh Tour', 'tour@gmail.com', true, ['official_title_outside']],
    ['Tịch thu tài sản', 'info@gmail.com', true, []],
    // A display name holding another address.
    ['chutich@binhphuoc.gov.vn', 'kethu@gmail.com', true, ['address_in_name']],
    ['Thanh <thanhtv.sttt@binhphuoc.gov.vn>', 'a@b.com', true, ['address_in_name']],
    ['thanhtv.sttt@binhphuoc.gov.vn', 'thanhtv.sttt@binhphuoc.gov.vn', false, []],
  ];

  it.each(table)('%s <%s>', (name, address, outside, expected) => {
    const result = senderWarnings(from(name, address), policy);
    expect(result.outside).toBe(outside);
    expect(result.warnings.map((w) => w.code)).toEqual(expected);
  });

  it('names the imitated domain and the Unicode form of a punycode one', () => {
    const [warning] = senderWarnings(from('', 'a@xn--bnhphuc-fjg4s.xn--gv-fmc.vn'), policy).warnings;
    expect(warning?.facts).toMatchObject({ resembles: 'binhphuoc.gov.vn', unicode: 'bіnhphuоc.gоv.vn' });
  });

  it('warns of a Reply-To in another domain than From, also for government mail', () => {
    expect(
      codes({
        from: { name: 'Văn thư', address: 'vanthu@binhphuoc.gov.vn' },
        replyTo: [{ name: '', address: 'vanthu.binhphuoc@gmail.com' }],
      }),
    ).toEqual(['reply_to_other_domain']);
    expect(
      codes({
        from: { name: 'Văn thư', address: 'vanthu@binhphuoc.gov.vn' },
        replyTo: [{ name: '', address: 'hopthu@BINHPHUOC.gov.vn' }],
      }),
    ).toEqual([]);
  });

  it('takes the configured titles and government domains', () => {
    const narrow = { ...policy, governmentDomains: [], officialTitles: ['Bí thư'] };
    expect(senderWarnings(from('Chủ tịch', 'a@dongnai.gov.vn'), narrow)).toEqual({
      outside: true,
      warnings: [],
    });
    expect(senderWarnings(from('Bí thư Tỉnh ủy', 'a@gmail.com'), narrow).warnings[0]?.code).toBe(
      'official_title_outside',
    );
  });

  it('has no From: outside, nothing to compare', () => {
    expect(senderWarnings({ from: null, replyTo: [] }, policy)).toEqual({ outside: true, warnings: [] });
  });
});

describe('editDistance', () => {
  it.each([
    ['binhphuoc.gov.vn', 'binhphuoc.gov.vn', 0],
    ['binhphuoc.gov.vm', 'binhphuoc.gov.vn', 1],
    ['binhphouc.gov.vn', 'binhphuoc.gov.vn', 2],
    ['gmail.com', 'binhphuoc.gov.vn', 3],
  ])('%s ~ %s = %i', (a, b, d) => expect(editDistance(a, b, 2)).toBe(d));
});
