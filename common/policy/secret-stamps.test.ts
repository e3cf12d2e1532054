import { describe, expect, it } from 'vitest';
import { findSecretStamps } from './secret-stamps';

const nfd = (s: string) => s.normalize('NFD');

describe('findSecretStamps (Đ3.1: no state secrets by e-mail)', () => {
  it.each([
    ['MẬT - Công văn 12/CV', 'MẬT'],
    ['[TỐI MẬT] Kế hoạch diễn tập', 'TỐI MẬT'],
    ['Báo cáo TUYỆT MẬT số 3', 'TUYỆT MẬT'],
    [nfd('TUYỆT MẬT: báo cáo'), 'TUYỆT MẬT'],
    [nfd('Tài liệu (MẬT)'), 'MẬT'],
    ['Độ mật: MẬT', 'MẬT'],
    ['V/v tài liệu MẬT.', 'MẬT'],
  ])('subject %j carries %s', (subject, stamp) => {
    expect(findSecretStamps(subject, [])).toEqual([{ where: 'subject', stamp }]);
  });

  it.each([
    'Đổi mật khẩu hộp thư',
    'Mật khẩu mới',
    'THÔNG BÁO ĐỔI MẬT KHẨU',
    'Hướng dẫn MẬT MÃ dân sự',
    'MẬT ĐỘ dân số 2026',
    'Giữ bí mật thông tin khách hàng',
    'Tối mật là gì?',
    'Kế hoạch MẶT BẰNG',
    'TUYET MAT', // unaccented capitals in a subject are too ambiguous
    'AMẬT',
    '',
  ])('subject %j carries no stamp', (subject) => {
    expect(findSecretStamps(subject, [])).toEqual([]);
  });

  it.each([
    ['Ke hoach TUYET_MAT.docx', 'TUYỆT MẬT'],
    ['TOI-MAT_bao_cao.pdf', 'TỐI MẬT'],
    ['TUYETMAT.pdf', 'TUYỆT MẬT'],
    ['[MAT] cong van 5.pdf', 'MẬT'],
    ['Do mat - DO_MAT.pdf', 'MẬT'],
    ['Báo cáo MẬT.docx', 'MẬT'],
    [nfd('Kế hoạch TỐI MẬT.pdf'), 'TỐI MẬT'],
    ['2026_TUYỆT_MẬT_v2.xlsx', 'TUYỆT MẬT'],
  ])('file name %j carries %s', (filename, stamp) => {
    expect(findSecretStamps('Công văn', [filename])).toEqual([{ where: { filename }, stamp }]);
  });

  it.each([
    'mat_bang_tang_2.pdf',
    'MAT_BANG.pdf',
    'Danh sach mat khau.xlsx',
    'MẬT_KHẨU_wifi.txt',
    'FORMAT.docx',
    'TOMATO.png',
    'tuyet_mat.pdf', // lowercase: no stamp is written so
  ])('file name %j carries no stamp', (filename) => {
    expect(findSecretStamps('', [filename])).toEqual([]);
  });

  it('reports every place, subject first', () => {
    expect(findSecretStamps('TỐI MẬT', ['a.pdf', 'TUYET MAT.doc'])).toEqual([
      { where: 'subject', stamp: 'TỐI MẬT' },
      { where: { filename: 'TUYET MAT.doc' }, stamp: 'TUYỆT MẬT' },
    ]);
  });
});
