import { describe, expect, it } from 'vitest';
import type { Unit } from '../units/unit-store';
import { type KnownPerson, previewImport, resolveUnit } from './preview-import';
import type { StaffListRow } from './staff-list-header';

const unit = (code: string, name: string): Unit => ({
  code,
  name,
  parentCode: null,
  level: 'department',
  mailbox: null,
  website: null,
});
const UNITS = [unit('sttt', 'Sở Thông tin và Truyền thông'), unit('snv', 'Sở Nội vụ')];
const DOMAIN = 'binhphuoc.gov.vn';

let line = 1;
const row = (fullName: string, unitText = '', title = ''): StaffListRow => ({
  line: ++line,
  fullName,
  unit: unitText,
  title,
  note: '',
});

function preview(
  rows: StaffListRow[],
  opts: { existing?: string[]; people?: KnownPerson[]; def?: string } = {},
) {
  return previewImport({
    rows,
    defaultUnitCode: opts.def ?? null,
    units: UNITS,
    existing: new Set(opts.existing ?? []),
    people: opts.people ?? [],
    domain: DOMAIN,
  });
}

describe('resolveUnit', () => {
  it('takes a code in any case or the official name without tones', () => {
    expect(resolveUnit('STTT', UNITS)?.code).toBe('sttt');
    expect(resolveUnit('so thong tin va truyen thong', UNITS)?.code).toBe('sttt');
    expect(resolveUnit('Sở Nội vụ'.normalize('NFD'), UNITS)?.code).toBe('snv');
    expect(resolveUnit('Sở Y tế', UNITS)).toBeNull();
  });
});

describe('previewImport', () => {
  it('numbers namesakes of one file after the accounts that exist (Đ4.2b)', () => {
    const rows = preview(
      [row('Nguyễn Văn An', 'sttt'), row('Nguyễn Văn An', 'sttt'), row('Nguyễn Văn An', 'snv')],
      { existing: [`annv.sttt@${DOMAIN}`] },
    );
    expect(rows.map((r) => r.proposedAddress)).toEqual([
      `annv2.sttt@${DOMAIN}`,
      `annv3.sttt@${DOMAIN}`,
      `annv.snv@${DOMAIN}`,
    ]);
    expect(rows.map((r) => r.status)).toEqual(['ok', 'warn', 'ok']);
    expect(rows[1]!.sameInFile).toEqual([rows[0]!.line]);
  });

  it('uses the default unit for rows without one, and marks unknown units', () => {
    const rows = preview([row('Trần Văn Thanh'), row('Lê Thị Thu Hà', 'Sở Y tế')], { def: 'sttt' });
    expect(rows[0]).toMatchObject({ unitCode: 'sttt', proposedLocal: 'thanhtv.sttt', status: 'ok' });
    expect(rows[1]).toMatchObject({
      unitCode: null,
      proposedAddress: null,
      problems: ['unit_not_found'],
      status: 'bad',
    });
    expect(preview([row('Trần Văn Thanh')])[0]!.problems).toEqual(['unit_not_found']);
  });

  it('gives the name problems with their codes, also beside an unknown unit', () => {
    const rows = preview([row('Thanh', 'sttt'), row('Nguyễn Văn 2', 'sttt'), row('Thanh', 'xyz')]);
    expect(rows.map((r) => r.problems)).toEqual([
      ['name_single_word'],
      ['name_has_digit'],
      ['unit_not_found', 'name_single_word'],
    ]);
    expect(rows.every((r) => r.status === 'bad' && r.proposedAddress === null)).toBe(true);
  });

  it('warns of a person with the same name in the same unit, by unit code or official name', () => {
    const people: KnownPerson[] = [
      { email: `thanhtv.sttt@${DOMAIN}`, fullName: 'Trần Văn Thanh', unitCode: 'sttt', unitName: null },
      {
        email: `thanhtv2.sttt@${DOMAIN}`,
        fullName: 'TRAN VAN THANH',
        unitCode: null,
        unitName: 'Sở Thông tin và Truyền thông',
      },
      { email: `thanhtv.snv@${DOMAIN}`, fullName: 'Trần Văn Thanh', unitCode: 'snv', unitName: null },
    ];
    const [r] = preview([row('Trần Văn Thanh'.normalize('NFD'), 'sttt')], {
      people,
      existing: people.map((p) => p.email),
    });
    expect(r).toMatchObject({
      status: 'warn',
      proposedLocal: 'thanhtv3.sttt',
      possibleDuplicates: [`thanhtv.sttt@${DOMAIN}`, `thanhtv2.sttt@${DOMAIN}`],
    });
  });
});
