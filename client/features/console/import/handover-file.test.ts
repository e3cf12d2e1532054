import { describe, expect, it } from 'vitest';
import { handoverCsv } from './handover-file';

const labels = {
  no: 'STT',
  fullName: 'Họ và tên',
  unit: 'Đơn vị',
  address: 'Địa chỉ thư',
  password: 'Mật khẩu tạm thời',
  note: 'Ghi chú',
  noteText: 'Đổi mật khẩu ở lần đăng nhập đầu tiên',
};

describe('handoverCsv', () => {
  it('writes UTF-8 with a BOM for Excel, CRLF and every field quoted', () => {
    const csv = handoverCsv(
      [
        {
          fullName: 'Nguyễn Văn "An"',
          unit: 'Sở TT&TT',
          address: 'annv.sttt@binhphuoc.gov.vn',
          password: 'a,b"c',
        },
      ],
      labels,
    );
    expect(csv.startsWith('\ufeff"STT","Họ và tên"')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe(
      '"1","Nguyễn Văn ""An""","Sở TT&TT","annv.sttt@binhphuoc.gov.vn","a,b""c","Đổi mật khẩu ở lần đăng nhập đầu tiên"',
    );
  });
});
