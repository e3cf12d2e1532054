import { describe, expect, it } from 'vitest';
import { proposeAddress, proposeUnitAddress, validateLocalPart } from './account-name';

const domain = 'binhphuoc.gov.vn';
const none = new Set<string>();
const propose = (
  fullName: string,
  unitCode = 'sttt',
  existing: ReadonlySet<string> | ((l: string) => boolean) = none,
) => proposeAddress({ fullName, unitCode, existing, domain });

/**
 * Đ4.2a: "tên đầy đủ + họ viết tắt + chữ lót viết tắt … viết liền, chữ thường và không dấu …
 * Ví dụ: Tài khoản của ông Trần Văn Thanh thuộc Sở Thông tin và Truyền thông:
 * thanhtv.sttt@binhphuoc.gov.vn."
 */
const NAMES: [fullName: string, unit: string, local: string, why: string][] = [
  ['Trần Văn Thanh', 'sttt', 'thanhtv.sttt', 'the example of Đ4.2a'],
  ['Trần Tuyết Minh', 'ubnd', 'minhtt.ubnd', 'who signed QĐ 1956'],
  ['Trần Tuệ Hiền', 'tu', 'hientt.tu', ''],
  ['Nguyễn Thị Minh Khai', 'sttt', 'khaintm.sttt', 'two middle names'],
  ['Lê Thị Thu Hà', 'sttt', 'haltt.sttt', 'the tên is the last word; Thu is a middle name'],
  ['Hoàng Thị Kim Yến', 'snv', 'yenhtk.snv', ''],
  ['Huỳnh Thị Ngọc Ánh', 'syt', 'anhhtn.syt', 'a tên starting with a marked vowel'],
  ['Quách Thị Hồng Nhung', 'sgd', 'nhungqth.sgd', ''],
  ['Lâm Thị Mỹ Dạ', 'sttt', 'daltm.sttt', ''],
  ['Nguyễn Thị Ánh Viên', 'svhttdl', 'viennta.svhttdl', ''],
  ['Đặng Đình Đức', 'sttt', 'ducdd.sttt', 'Đ/đ become d'],
  ['Đoàn Thị Điểm', 'sttt', 'diemdt.sttt', ''],
  ['Đỗ Mười', 'sttt', 'muoid.sttt', 'no middle name'],
  ['Lương Cường', 'sttt', 'cuongl.sttt', 'Ư and ơ'],
  ['Tô Lâm', 'sttt', 'lamt.sttt', ''],
  ['Trương Thị Phương', 'sttt', 'phuongtt.sttt', 'ư and ơ in family and given name'],
  ['Ưng Hoàng Phúc', 'sttt', 'phucuh.sttt', 'a family name starting with Ư'],
  ['Ông Ích Khiêm', 'sttt', 'khiemoi.sttt', 'Ô and Í initials'],
  ['Dương Thu Hương', 'sttt', 'huongdt.sttt', ''],
  ['Võ Nguyên Giáp', 'sttt', 'giapvn.sttt', ''],
  ['Phạm Văn Đồng', 'sttt', 'dongpv.sttt', ''],
  ['Hồ Chí Minh', 'sttt', 'minhhc.sttt', ''],
  ['Ngô Bảo Châu', 'sttt', 'chaunb.sttt', ''],
  ['Phan Bội Châu', 'sttt', 'chaupb.sttt', ''],
  ['Bùi Xuân Phái', 'sttt', 'phaibx.sttt', ''],
  ['Vũ Trọng Phụng', 'sttt', 'phungvt.sttt', ''],
  ['Lý Thường Kiệt', 'sttt', 'kietlt.sttt', ''],
  ['Trịnh Công Sơn', 'sttt', 'sontc.sttt', ''],
  ['Nguyễn Đình Chiểu', 'sttt', 'chieund.sttt', ''],
  ['Nguyễn Ngọc Ngạn', 'sttt', 'ngannn.sttt', ''],
  ['Mạc Đĩnh Chi', 'sttt', 'chimd.sttt', ''],
  ['Tôn Nữ Thị Ninh', 'sttt', 'ninhtnt.sttt', 'compound family name: same letters either way'],
  ['Tôn Thất Thuyết', 'sttt', 'thuyettt.sttt', 'compound family name'],
  ['Âu Dương Lân', 'sttt', 'lanad.sttt', 'compound family name'],
  ['Lò Văn Giàng', 'bgp', 'gianglv.bgp', 'Thái name'],
  ['Điểu Huỳnh Sang', 'bgp', 'sangdh.bgp', 'S’tiêng family name Điểu, Bình Phước'],
  ["Điểu K'Ré", 'bgp', 'kred.bgp', 'the apostrophe belongs to the word'],
  ['Y-Moan Ênuôl', 'sttt', 'enuolym.sttt', 'a hyphen separates words'],
  ["H'Hen Niê", 'sttt', 'nieh.sttt', 'written order, even where the family name comes last'],
  ['Nguyễn Văn Phong', 'tpx', 'phongnv.tpx', 'the personal name Đ4.1d warns about'],
];

describe('Đ4.2a: personal addresses from 40 Vietnamese names', () => {
  it.each(NAMES)('%s @ %s → %s %s', (fullName, unit, local) => {
    expect(propose(fullName, unit)).toEqual({ ok: true, local, address: `${local}@${domain}`, clash: null });
  });

  // Word pastes NFC, macOS pastes NFD; forms bring NBSP, tabs, zero-width spaces and CAPITALS.
  const variants: [string, (s: string) => string][] = [
    ['NFD', (s) => s.normalize('NFD')],
    ['NFC from NFD', (s) => s.normalize('NFD').normalize('NFC')],
    ['upper case', (s) => s.toUpperCase()],
    ['lower case NFD', (s) => s.toLowerCase().normalize('NFD')],
    ['extra spaces', (s) => `  ${s.replace(/ /g, '   ')}\t`],
    ['non-breaking spaces', (s) => s.replace(/ /g, '\u00a0')],
    ['a newline and a zero-width space', (s) => `\u200b${s.replace(' ', ' \u200b\n')}\ufeff`],
  ];
  it.each(variants)('gives the same address for the %s form of every name', (_label, vary) => {
    for (const [fullName, unit, local] of NAMES) {
      const r = propose(vary(fullName), unit);
      expect(r.ok && r.local, `${JSON.stringify(vary(fullName))}`).toBe(local);
    }
  });

  it('reads old-style tone placement and legacy-font Ð the same', () => {
    expect(propose('Nguyễn Thị Hoà')).toMatchObject({ local: 'hoant.sttt' });
    expect(propose('Nguyễn Thị Hòa')).toMatchObject({ local: 'hoant.sttt' });
    expect(propose('\u00d0ặng \u00d0ình \u00d0ức')).toMatchObject({ local: 'ducdd.sttt' });
    expect(propose('Điểu K’Ré', 'bgp')).toMatchObject({ local: 'kred.bgp' });
    expect(propose('Y Moan Ênuôl')).toMatchObject({ local: 'enuolym.sttt' });
  });

  it('accepts the unit code in capitals or with spaces around it', () => {
    expect(propose('Trần Văn Thanh', ' STTT ')).toMatchObject({ local: 'thanhtv.sttt' });
  });

  it('gives only addresses that pass the admin check', () => {
    for (const [fullName, unit] of NAMES) {
      const r = propose(fullName, unit);
      expect(r.ok && validateLocalPart(r.local, { kind: 'personal', unitCode: unit })).toEqual([]);
    }
  });
});

describe('Đ4.2b: "trùng lặp … số thứ tự bắt đầu từ 2 … thanhtv2.sttt"', () => {
  it('numbers the second Trần Văn Thanh of the Sở TT&TT 2', () => {
    expect(propose('Trần Văn Thanh', 'sttt', new Set(['thanhtv.sttt']))).toEqual({
      ok: true,
      local: 'thanhtv2.sttt',
      address: 'thanhtv2.sttt@binhphuoc.gov.vn',
      clash: 2,
    });
  });

  it('counts on past 2 with whole addresses in the set', () => {
    const taken = new Set(['thanhtv.sttt@binhphuoc.gov.vn', 'thanhtv2.sttt@binhphuoc.gov.vn']);
    expect(propose('Trịnh Vĩnh Thanh', 'sttt', taken)).toMatchObject({ local: 'thanhtv3.sttt', clash: 3 });
  });

  it('clashes only inside the same unit', () => {
    expect(propose('Trần Văn Thanh', 'tpdx', new Set(['thanhtv.sttt']))).toMatchObject({
      local: 'thanhtv.tpdx',
      clash: null,
    });
  });

  it('asks a lookup function by local part', () => {
    const asked: string[] = [];
    const exists = (local: string) => {
      asked.push(local);
      return local !== 'haltt4.sttt';
    };
    expect(propose('Lê Thị Thu Hà', 'sttt', exists)).toMatchObject({ local: 'haltt4.sttt', clash: 4 });
    expect(asked).toEqual(['haltt.sttt', 'haltt2.sttt', 'haltt3.sttt', 'haltt4.sttt']);
  });

  it('gives up after 999 people of the same name in one unit', () => {
    expect(propose('Trần Văn Thanh', 'sttt', () => true)).toEqual({ ok: false, code: 'name_clash_limit' });
  });
});

describe('refusals, with codes', () => {
  it.each([
    ['', 'name_empty'],
    ['   \t ', 'name_empty'],
    ['\u200b', 'name_empty'],
    ["' -", 'name_empty'],
    ['Thanh', 'name_single_word'],
    ['  ĐỨC  ', 'name_single_word'],
    ['Nguyễn Văn A2', 'name_has_digit'],
    ['Trần Văn Thanh 2', 'name_has_digit'],
    ['Trần Văn Thanh\uff12', 'name_has_digit'],
    ['Trần Văn Thanh (PGĐ)', 'name_invalid_character'],
    ['Trần V. Thanh', 'name_invalid_character'],
    ['thanhtv@sttt', 'name_invalid_character'],
    ['陳文清', 'name_invalid_character'],
    [`Nguyễn Văn ${'a'.repeat(60)}`, 'local_too_long'],
  ])('%j → %s', (fullName, code) => {
    expect(propose(fullName)).toEqual({ ok: false, code });
  });

  it.each(['', 'sở', 's t', 's-t', 'sttt.bp', 'sttt_bp', 'stt\u0074\u0301'])(
    'unit code %j → unit_code_invalid',
    (unit) => {
      expect(propose('Trần Văn Thanh', unit)).toEqual({ ok: false, code: 'unit_code_invalid' });
    },
  );
});

describe('Đ4.1: unit mailboxes', () => {
  it.each([
    ['stttt', null, 'stttt', 'a: Sở Thông tin và Truyền thông'],
    ['tpdx', null, 'tpdx', 'b: UBND thành phố Đồng Xoài'],
    ['xmh', 'bda', 'xmh.bda', 'c: xã Minh Hưng, huyện Bù Đăng'],
    ['phongnv', 'tpx', 'phongnv.tpx', 'd: Phòng Nội vụ, thành phố Đồng Xoài'],
    ['ttenttt', 'sttt', 'ttenttt.sttt', 'd: Trung tâm CNTT&TT of the Sở, as the regulation writes it'],
    [' XMH ', 'BDA', 'xmh.bda', 'capitals'],
  ] as [string, string | null, string, string][])('%s . %s → %s (%s)', (unitCode, parentCode, local) => {
    expect(proposeUnitAddress({ unitCode, parentCode, existing: none, domain })).toEqual({
      ok: true,
      local,
      address: `${local}@${domain}`,
    });
  });

  it('"trùng với tên viết tắt của cá nhân … pnv.tpx": the clash Đ4.1d foresees', () => {
    const person = propose('Nguyễn Văn Phong', 'tpx');
    const taken = new Set([person.ok ? person.local : '']);
    expect(proposeUnitAddress({ unitCode: 'phongnv', parentCode: 'tpx', existing: taken, domain })).toEqual({
      ok: false,
      code: 'address_taken',
    });
    expect(proposeUnitAddress({ unitCode: 'pnv', parentCode: 'tpx', existing: taken, domain })).toMatchObject(
      {
        local: 'pnv.tpx',
      },
    );
  });

  it('refuses codes that are not lower-case letters and digits', () => {
    expect(proposeUnitAddress({ unitCode: 'sở', existing: none, domain })).toEqual({
      ok: false,
      code: 'unit_code_invalid',
    });
    expect(proposeUnitAddress({ unitCode: 'xmh', parentCode: 'bù đăng', existing: none, domain })).toEqual({
      ok: false,
      code: 'parent_code_invalid',
    });
  });
});

describe('validateLocalPart: an address the admin types instead', () => {
  it.each([
    ['thanhtv.sttt', { kind: 'personal', unitCode: 'sttt' }, []],
    ['thanhtv2.sttt', { kind: 'personal' }, []],
    ['thanhtv12.sttt', { kind: 'personal' }, []],
    ['xmh.bda', { kind: 'unit' }, []],
    ['stttt', { kind: 'unit' }, []],
    ['stttt', {}, []],
    ['', {}, ['local_empty']],
    ['x'.repeat(65), {}, ['local_too_long']],
    ['ThanhTV.sttt', {}, ['local_has_uppercase']],
    ['thànhtv.sttt', {}, ['local_has_diacritics']],
    ['đucdd.sttt', {}, ['local_has_diacritics']],
    ['thanh tv.sttt', {}, ['local_invalid_character']],
    ['thanh-tv.sttt', {}, ['local_invalid_character']],
    ['thanh_tv.sttt', {}, ['local_invalid_character']],
    ['thanhtv+tin.sttt', {}, ['local_invalid_character']],
    ['.thanhtv', {}, ['local_bad_dots']],
    ['thanhtv.', {}, ['local_bad_dots']],
    ['thanhtv..sttt', {}, ['local_bad_dots', 'local_too_many_parts']],
    ['thanhtv.xmh.bda', {}, ['local_too_many_parts']],
    ['thanhtv', { kind: 'personal' }, ['local_needs_unit']],
    ['thanhtv1.sttt', { kind: 'personal' }, ['local_personal_form']],
    ['2thanh.sttt', { kind: 'personal' }, ['local_personal_form']],
    ['thanhtv.tpdx', { kind: 'personal', unitCode: 'sttt' }, ['local_wrong_unit']],
    ['hotro', {}, ['local_reserved']],
    ['Postmaster', {}, ['local_has_uppercase', 'local_reserved']],
    [
      'Thành TV',
      { kind: 'personal' },
      ['local_has_uppercase', 'local_has_diacritics', 'local_invalid_character', 'local_needs_unit'],
    ],
  ] as const)('%j %j → %j', (local, options, codes) => {
    expect(validateLocalPart(local, options)).toEqual(codes);
  });
});
