import { describe, expect, it } from 'vitest';
import { blankAccountRecord, NEVER_SEEN, providerOnlyRecord } from './account-record';

describe('account records the console has not described', () => {
  it('takes a provider-only mailbox with its name, the kind its address gives and no dates it never saw', () => {
    const person = providerOnlyRecord({ email: 'ThanhTV.sttt@binhphuoc.gov.vn', name: 'Trần Văn Thanh' });
    expect(person).toMatchObject({
      email: 'thanhtv.sttt@binhphuoc.gov.vn',
      fullName: 'Trần Văn Thanh',
      kind: 'personal',
      state: 'active',
      unitCode: null,
      role: 'user',
      lastLoginAt: null,
    });
    expect(person.createdAt).toEqual(NEVER_SEEN);
    expect(person.passwordChangedAt).toEqual(NEVER_SEEN);
    expect(
      providerOnlyRecord({ email: 'sttt@binhphuoc.gov.vn', name: 'Sở Thông tin và Truyền thông' }).kind,
    ).toBe('unit');
  });

  it('dates a blank record at the moment given', () => {
    const at = new Date('2026-01-05T02:00:00Z');
    expect(blankAccountRecord('anhdtn.snv@binhphuoc.gov.vn', at)).toMatchObject({
      createdAt: at,
      passwordChangedAt: at,
    });
  });
});
