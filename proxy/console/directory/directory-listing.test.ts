import { describe, expect, it } from 'vitest';
import type { AccountRecord } from '../../accounts/account-store';
import type { Unit } from '../units/unit-store';
import { completionEntries, type DirectorySources, listDirectory, unitTree } from './directory-listing';

const unit = (
  code: string,
  name: string,
  parentCode: string | null,
  mailbox: string | null = null,
): Unit => ({
  code,
  name,
  parentCode,
  level: parentCode ? 'division' : 'department',
  mailbox,
  website: null,
});
const units = [
  unit('sttt', 'Sở Thông tin và Truyền thông', null, 'sttt@bp'),
  unit('bcvt.sttt', 'Phòng Bưu chính, Viễn thông', 'sttt'),
  unit('snv', 'Sở Nội vụ', null),
];
const account = (email: string, fields: Partial<AccountRecord>): AccountRecord =>
  ({
    email,
    state: 'active',
    kind: 'personal',
    fullName: null,
    title: null,
    unitCode: null,
    ...fields,
  }) as AccountRecord;

const sources: DirectorySources = {
  units,
  accounts: [
    account('thanhtv.sttt@bp', { fullName: 'Trần Văn Thanh', title: 'Phó Giám đốc', unitCode: 'sttt' }),
    account('sttt@bp', { fullName: 'Sở Thông tin và Truyền thông', kind: 'unit', unitCode: 'sttt' }),
    account('hotro@bp', { fullName: 'Hỗ trợ thư điện tử', kind: 'unit', unitCode: 'sttt' }),
    account('anhlt.sttt@bp', { fullName: 'Lê Tuấn Anh', unitCode: 'bcvt.sttt' }),
    account('dungpq.snv@bp', { unitCode: 'snv', title: 'Chuyên viên' }),
    account('hoant.snv@bp', { fullName: 'Nguyễn Thị Hoa', unitCode: 'snv', state: 'suspended' }),
    account('cu.snv@bp', { fullName: 'Người Đã Nghỉ', state: 'revoked' }),
  ],
  provider: [
    { email: 'thanhtv.sttt@bp', name: 'Tran Van Thanh', unit: 'STTTT' },
    { email: 'dungpq.snv@bp', name: 'Phạm Quốc Dũng', unit: 'Sở Nội vụ' },
    { email: 'hoant.snv@bp', name: 'Nguyễn Thị Hoa', unit: 'Sở Nội vụ' },
    { email: 'cu.snv@bp', name: 'Người Đã Nghỉ', unit: null },
    { email: 'vanthu@bp', name: 'Văn thư', unit: 'UBND tỉnh' },
    // Only the provider knows it; its unit text is the official name of snv (case and tones aside).
    { email: 'vanthu.snv@bp', name: 'Văn thư Sở', unit: 'SO NOI VU' },
  ],
};
const emails = (r: ReturnType<typeof listDirectory>) =>
  r.groups.map((g) => [g.unitCode, g.entries.map((e) => e.email)]);

describe('the console’s directory (Đ5.1)', () => {
  it('lists active addresses by unit in tree order, unit mailbox first, unplaced last; suspended and revoked left out', () => {
    const r = listDirectory(sources, { visible: null });
    expect(emails(r)).toEqual([
      ['snv', ['dungpq.snv@bp', 'vanthu.snv@bp']],
      // The unit's own mailbox, its other shared one, then people.
      ['sttt', ['sttt@bp', 'hotro@bp', 'thanhtv.sttt@bp']],
      ['bcvt.sttt', ['anhlt.sttt@bp']],
      [null, ['vanthu@bp']],
    ]);
    expect(r.total).toBe(7);
    expect(r.groups[0]!.entries[1]).toMatchObject({ fullName: 'Văn thư Sở' });
    // The console's name first, the provider's gecos when the console has none.
    const snv = r.groups[0]!.entries[0]!;
    expect(snv).toMatchObject({ fullName: 'Phạm Quốc Dũng', title: 'Chuyên viên' });
    expect(r.groups[1]!.entries[2]!.fullName).toBe('Trần Văn Thanh');
  });

  it('filters by a unit with its sub-units, and by words without tones', () => {
    expect(emails(listDirectory(sources, { visible: null, unit: 'sttt' }))).toEqual([
      ['sttt', ['sttt@bp', 'hotro@bp', 'thanhtv.sttt@bp']],
      ['bcvt.sttt', ['anhlt.sttt@bp']],
    ]);
    expect(emails(listDirectory(sources, { visible: null, q: 'pho GIAM doc' }))).toEqual([
      ['sttt', ['thanhtv.sttt@bp']],
    ]);
    expect(emails(listDirectory(sources, { visible: null, q: 'vien thong anh' }))).toEqual([
      ['bcvt.sttt', ['anhlt.sttt@bp']],
    ]);
  });

  it('shows a unit manager only their units, and their tree from their own unit', () => {
    const visible = new Set(['bcvt.sttt']);
    const r = listDirectory(sources, { visible });
    expect(emails(r)).toEqual([['bcvt.sttt', ['anhlt.sttt@bp']]]);
    expect(r.units).toEqual([
      { code: 'bcvt.sttt', name: 'Phòng Bưu chính, Viễn thông', parentCode: 'sttt', depth: 0 },
    ]);
    expect(unitTree(units, null).map((u) => `${u.depth}:${u.code}`)).toEqual([
      '0:snv',
      '0:sttt',
      '1:bcvt.sttt',
    ]);
  });

  it('gives compose the console’s names and official unit names, only for addresses the provider has', () => {
    expect(completionEntries(sources)).toEqual(
      expect.arrayContaining([
        { email: 'thanhtv.sttt@bp', name: 'Trần Văn Thanh', unit: 'Sở Thông tin và Truyền thông' },
        { email: 'dungpq.snv@bp', name: 'Phạm Quốc Dũng', unit: 'Sở Nội vụ' },
        { email: 'vanthu@bp', name: 'Văn thư', unit: 'UBND tỉnh' },
      ]),
    );
    expect(completionEntries(sources).map((e) => e.email)).not.toEqual(
      expect.arrayContaining(['hoant.snv@bp']),
    );
    expect(completionEntries(sources)).toContainEqual({
      email: 'vanthu.snv@bp',
      name: 'Văn thư Sở',
      unit: 'Sở Nội vụ',
    });
    expect(completionEntries(sources)).toHaveLength(4);
  });
});
