import { describe, expect, it } from 'vitest';
import { batchProblems, batchRows } from './batch-rows';

const accounts: Record<string, string | null> = {
  'an.nv@binhphuoc.gov.vn': 'stttt',
  'binh.tt@binhphuoc.gov.vn': 'stttt',
  'cuong.lv@binhphuoc.gov.vn': 'syt',
};
const lookup = (email: string) => (email in accounts ? { unitCode: accounts[email] ?? null } : undefined);

const records = (...lines: string[][]) => lines.map((cells, i) => ({ line: i + 1, cells }));

describe('the rows of a unit migration CSV', () => {
  it('skips a header line and normalises the cells', () => {
    const rows = batchRows(
      records(
        ['Tài khoản cũ', 'Mật khẩu cũ', 'Hộp thư mới'],
        [' an@cu.local ', ' mk có dấu cách ', ' An.NV@BinhPhuoc.gov.vn '],
      ),
    );
    expect(rows).toEqual([
      { line: 2, oldUser: 'an@cu.local', oldPassword: ' mk có dấu cách ', mailbox: 'an.nv@binhphuoc.gov.vn' },
    ]);
  });

  it('keeps a first line that is already an account', () => {
    expect(batchRows(records(['an', 'mk', 'an.nv@binhphuoc.gov.vn']))).toHaveLength(1);
  });

  it('accepts rows whose mailboxes are distinct accounts of the unit', () => {
    const rows = batchRows(
      records(['an', 'mk1', 'an.nv@binhphuoc.gov.vn'], ['binh', 'mk2', 'binh.tt@binhphuoc.gov.vn']),
    );
    expect(batchProblems(rows, 'stttt', lookup)).toEqual([]);
  });

  it('names each line’s problem', () => {
    const rows = batchRows(
      records(
        ['an', 'mk1', 'an.nv@binhphuoc.gov.vn'],
        ['', 'mk2', 'binh.tt@binhphuoc.gov.vn'],
        ['binh', '', 'binh.tt@binhphuoc.gov.vn'],
        ['an2', 'mk', 'AN.NV@binhphuoc.gov.vn'],
        ['x', 'mk', 'khong.co@binhphuoc.gov.vn'],
        ['cuong', 'mk', 'cuong.lv@binhphuoc.gov.vn'],
        ['chi-hai-o'],
      ),
    );
    expect(batchProblems(rows, 'stttt', lookup)).toEqual([
      { line: 2, code: 'migration_row_incomplete', value: 'binh.tt@binhphuoc.gov.vn', sameAs: null },
      { line: 3, code: 'migration_row_incomplete', value: 'binh.tt@binhphuoc.gov.vn', sameAs: null },
      { line: 4, code: 'migration_row_duplicate', value: 'an.nv@binhphuoc.gov.vn', sameAs: 1 },
      { line: 5, code: 'migration_row_mailbox_unknown', value: 'khong.co@binhphuoc.gov.vn', sameAs: null },
      { line: 6, code: 'migration_row_other_unit', value: 'cuong.lv@binhphuoc.gov.vn', sameAs: null },
      { line: 7, code: 'migration_row_incomplete', value: 'chi-hai-o', sameAs: null },
    ]);
  });
});
