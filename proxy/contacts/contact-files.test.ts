import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import { planImport } from './plan-import';
import { readContactsFile } from './read-contacts-file';
import { writeContactsCsv } from './write-contacts-csv';
import { writeVcards } from './write-vcard';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

/** As Vietnamese Windows writes windows-1258: letters precomposed, the five tones as combining marks. */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const windows1258 = (text: string) =>
  new Uint8Array(
    iconv.encode(
      [...text.normalize('NFC')]
        .map((ch) => {
          const d = ch.normalize('NFD');
          return d.replace(TONES, '').normalize('NFC') + (d.match(TONES) ?? []).join('');
        })
        .join(''),
      'windows-1258',
    ),
  );

// Outlook 2016 "Save as vCard": 2.1-style bare types, QUOTED-PRINTABLE names in UTF-8 with a soft
// line break, a base64 photo.
const OUTLOOK_VCF = [
  'BEGIN:VCARD',
  'VERSION:2.1',
  'N;LANGUAGE=vi;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Tr=E1=BA=A7n;Thanh;V=C4=83n',
  'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Tr=E1=BA=A7n V=C4=83n Th=C3=A0nh',
  'ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:S=E1=BB=9F Th=C3=B4ng tin v=C3=A0 Truy=E1=BB=81n th=C3=B4ng =',
  'B=C3=ACnh Ph=C6=B0=E1=BB=9Bc',
  'TITLE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Gi=C3=A1m =C4=91=E1=BB=91c',
  'TEL;WORK;VOICE:0271 3879 123',
  'TEL;CELL;VOICE:0912 345 678',
  'EMAIL;PREF;INTERNET:thanhtv.sttt@binhphuoc.gov.vn',
  'PHOTO;TYPE=JPEG;ENCODING=BASE64:',
  ' /9j/4AAQSkZJRgABAQEAYABgAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0a',
  '',
  'END:VCARD',
  '',
].join('\r\n');

// An iPhone's export: 3.0, item-grouped e-mails, CATEGORIES, a NOTE folded over three lines.
const IPHONE_VCF = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'PRODID:-//Apple Inc.//iPhone OS 17.4//EN',
  'N:Nguyễn;Lan;Thị Mỹ;;',
  'FN:Nguyễn Thị Mỹ Lan',
  'ORG:UBND tỉnh Bình Phước;Văn phòng',
  'TITLE:Chuyên viên',
  'item1.EMAIL;type=INTERNET;type=pref:lannt.vpubnd@binhphuoc.gov.vn',
  'item1.X-ABLabel:Công việc',
  'EMAIL;type=INTERNET;type=HOME:mylan1990@example.vn',
  'TEL;type=CELL;type=VOICE;type=pref:+84 912 000 111',
  'NOTE:Phụ trách văn thư\\, tiếp nhận công văn đến. Liên hệ trước 16 giờ các ngà',
  ' y làm việc\\; nghỉ thứ Bảy và Chủ nhật. Số máy lẻ 204 tại phòng Hành chính –',
  '  Tổng hợp.',
  'CATEGORIES:Lãnh đạo Sở,Văn phòng',
  'END:VCARD',
].join('\n');

const GMAIL_CSV = [
  'Name,Given Name,Additional Name,Family Name,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,E-mail 2 - Type,E-mail 2 - Value,Phone 1 - Type,Phone 1 - Value,Organization 1 - Type,Organization 1 - Name,Organization 1 - Title',
  'Phạm Quốc Dũng,Dũng,Quốc,Phạm,,* myContacts ::: Lãnh đạo Sở,* Work,dungpq.vpubnd@binhphuoc.gov.vn ::: pqdung@example.vn,,,Mobile,0913 111 222,,Văn phòng UBND tỉnh,Phó Chánh Văn phòng',
  'Không Địa Chỉ,,,,,* myContacts,,,,,Mobile,0913 000 000,,,',
].join('\r\n');

const OUTLOOK_CSV =
  '\uFEFF"First Name","Middle Name","Last Name","Title","Company","Department","Job Title","Business Phone","Mobile Phone","E-mail Address","E-mail 2 Address","Notes","Categories"\r\n' +
  '"Hạnh","Thị Mỹ","Nguyễn","Bà","Sở TT&TT","","Trưởng phòng","0271 3879 000","","hanhntm.sttt@binhphuoc.gov.vn","","Ghi chú, có dấu phẩy","Lãnh đạo Sở;Phòng CNTT"\r\n';

describe('reading contact files', () => {
  it('reads Outlook 3.0/2.1 vCards: quoted-printable UTF-8 names, soft breaks, bare types, no photo', () => {
    const file = readContactsFile(utf8(OUTLOOK_VCF), 'auto');
    expect(file.format).toBe('vcard');
    expect(file.cards).toEqual([
      {
        position: 1,
        card: {
          name: 'Trần Văn Thành',
          emails: ['thanhtv.sttt@binhphuoc.gov.vn'],
          phone: '0271 3879 123',
          organization: 'Sở Thông tin và Truyền thông Bình Phước',
          title: 'Giám đốc',
          note: '',
          groups: [],
        },
      },
    ]);
  });

  it('reads an iPhone vCard with folded lines, grouped properties and categories', () => {
    const file = readContactsFile(utf8(IPHONE_VCF), 'auto');
    const card = file.cards[0]!.card;
    expect(card.name).toBe('Nguyễn Thị Mỹ Lan');
    expect(card.emails).toEqual(['lannt.vpubnd@binhphuoc.gov.vn', 'mylan1990@example.vn']);
    expect(card.phone).toBe('+84 912 000 111');
    expect(card.organization).toBe('UBND tỉnh Bình Phước, Văn phòng');
    expect(card.note).toBe(
      'Phụ trách văn thư, tiếp nhận công văn đến. Liên hệ trước 16 giờ các ngày làm việc; nghỉ thứ Bảy và Chủ nhật. Số máy lẻ 204 tại phòng Hành chính – Tổng hợp.',
    );
    expect(card.groups).toEqual(['Lãnh đạo Sở', 'Văn phòng']);
  });

  it('reads a file of several cards, reporting the broken one by its number', () => {
    const broken = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN;=x:Hỏng\r\nEMAIL:x@y.vn\r\nEND:VCARD\r\n';
    const file = readContactsFile(utf8(`${IPHONE_VCF}\n${broken}${OUTLOOK_VCF}`), 'auto');
    expect(file.cards.map((c) => c.position)).toEqual([1, 3]);
    expect(file.unreadable).toEqual([{ position: 2, reason: 'unreadable' }]);
  });

  it("reads Gmail's CSV: full names, several addresses in one cell, its own groups left out", () => {
    const file = readContactsFile(utf8(GMAIL_CSV), 'auto');
    expect(file.format).toBe('csv');
    expect(file.cards[0]!.card).toEqual({
      name: 'Phạm Quốc Dũng',
      emails: ['dungpq.vpubnd@binhphuoc.gov.vn', 'pqdung@example.vn'],
      phone: '0913 111 222',
      organization: 'Văn phòng UBND tỉnh',
      title: 'Phó Chánh Văn phòng',
      note: '',
      groups: ['Lãnh đạo Sở'],
    });
    expect(file.cards[1]!.card.emails).toEqual([]);
  });

  it("reads Outlook's CSV with a BOM: family name first, Job Title (not the honorific), categories", () => {
    const card = readContactsFile(utf8(OUTLOOK_CSV), 'auto').cards[0]!.card;
    expect(card).toMatchObject({
      name: 'Nguyễn Thị Mỹ Hạnh',
      emails: ['hanhntm.sttt@binhphuoc.gov.vn'],
      phone: '0271 3879 000',
      organization: 'Sở TT&TT',
      title: 'Trưởng phòng',
      note: 'Ghi chú, có dấu phẩy',
      groups: ['Lãnh đạo Sở', 'Phòng CNTT'],
    });
  });

  it('reads a windows-1258 CSV (Excel on a Vietnamese Windows) into NFC text, found or chosen', () => {
    const text =
      'Họ và tên;Email;Đơn vị;Chức vụ\r\nĐỗ Thị Ngọc Ánh;anhdtn.sgddt@binhphuoc.gov.vn;Sở Giáo dục;Phó Giám đốc\r\n';
    const bytes = windows1258(text);
    expect(bytes).not.toContain(0x3f); // nothing lost as '?'
    expect(Buffer.from(bytes).toString('utf8')).not.toContain('Ánh');
    for (const choice of ['auto', 'windows-1258'] as const) {
      const file = readContactsFile(bytes, choice);
      expect(file.encoding).toBe('windows-1258');
      const card = file.cards[0]!.card;
      expect(card.name).toBe('Đỗ Thị Ngọc Ánh');
      expect(card.name).toBe(card.name.normalize('NFC'));
      expect(card).toMatchObject({ organization: 'Sở Giáo dục', title: 'Phó Giám đốc' });
    }
  });

  it.each([
    ['an empty file', new Uint8Array(), 'contacts_file_empty'],
    ['a binary file', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1]), 'contacts_file_unreadable'],
    ['text that is no contact list', utf8('Kính gửi: Sở TT&TT\nV/v báo cáo\n'), 'contacts_file_unreadable'],
    ['a header and no rows', utf8('Name,E-mail Address\r\n'), 'contacts_file_empty'],
    ['a file over 2 MB', new Uint8Array(2 * 1024 * 1024 + 1).fill(65), 'contacts_file_too_large'],
  ])('refuses %s with a code', (_label, bytes, code) => {
    expect(() => readContactsFile(bytes, 'auto')).toThrow(ApiError);
    try {
      readContactsFile(bytes, 'auto');
    } catch (error) {
      expect((error as ApiError).code).toBe(code);
    }
  });
});

describe('writing and reading back', () => {
  const cards = [
    {
      name: 'Trần Văn Thành',
      emails: ['thanhtv.sttt@binhphuoc.gov.vn', 'tvthanh@example.vn'],
      phone: '0271 3879 123',
      organization: 'Sở Thông tin và Truyền thông',
      title: 'Giám đốc',
      note: 'Họp giao ban sáng thứ Hai, phòng 301; mang theo báo cáo tuần',
      groups: ['Lãnh đạo Sở'],
    },
    {
      name: 'Lê Hoàng',
      emails: ['hoangl@binhphuoc.gov.vn'],
      phone: '',
      organization: '',
      title: '',
      note: '',
      groups: [],
    },
  ];

  it('round-trips vCard 4.0 (folded at 75 octets) and CSV', () => {
    const vcf = writeVcards(cards);
    expect(vcf).toMatch(/^BEGIN:VCARD\r\nVERSION:4.0\r\n/);
    for (const line of vcf.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(76);
    expect(readContactsFile(utf8(vcf), 'auto').cards.map((c) => c.card)).toEqual(cards);
    const csv = writeContactsCsv(cards);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(readContactsFile(new Uint8Array(csv), 'auto').cards.map((c) => c.card)).toEqual(cards);
  });
});

describe('planning an import', () => {
  const existing = [
    {
      id: 'c1',
      name: 'Trần Văn Thành',
      emails: ['thanhtv.sttt@binhphuoc.gov.vn'],
      phone: '',
      organization: 'Sở TT&TT',
      title: 'Giám đốc',
      note: '',
      groupIds: ['g1'],
    },
  ];
  const groups = [{ id: 'g1', name: 'Lãnh đạo Sở', memberIds: ['c1'] }];
  const card = (over: Record<string, unknown>) => ({
    name: 'X',
    emails: [] as string[],
    phone: '',
    organization: '',
    title: '',
    note: '',
    groups: [] as string[],
    ...over,
  });

  it('adds, merges, and skips with a reason', () => {
    const plan = planImport(
      {
        format: 'csv',
        encoding: 'utf-8',
        cards: [
          {
            position: 2,
            card: card({
              name: 'Trần Văn Thành',
              emails: ['thanhtv.sttt@binhphuoc.gov.vn'],
              groups: ['Lãnh đạo Sở'],
            }),
          },
          { position: 3, card: card({ name: 'Thành', emails: ['thanhtv.sttt@binhphuoc.gov.vn', 'b@x.vn'] }) },
          {
            position: 4,
            card: card({ name: 'Mới', emails: ['moi@binhphuoc.gov.vn'], groups: ['Văn phòng'] }),
          },
          { position: 5, card: card({ name: 'Lại', emails: ['moi@binhphuoc.gov.vn'] }) },
          { position: 6, card: card({ name: 'Trống' }) },
          { position: 7, card: card({ name: 'Sai', emails: ['không phải địa chỉ'] }) },
        ],
        unreadable: [{ position: 8, reason: 'unreadable' }],
      },
      existing,
      groups,
    );
    expect(plan.preview.rows.map((r) => [r.position, r.action, r.reason])).toEqual([
      [2, 'skip', 'unchanged'],
      [3, 'merge', null],
      [4, 'add', null],
      [5, 'skip', 'duplicate_in_file'],
      [6, 'skip', 'no_address'],
      [7, 'skip', 'invalid_address'],
      [8, 'skip', 'unreadable'],
    ]);
    expect(plan.preview.counts).toEqual({ add: 1, merge: 1, skip: 5 });
    expect(plan.merge).toEqual([
      {
        id: 'c1',
        name: 'Trần Văn Thành',
        emails: ['thanhtv.sttt@binhphuoc.gov.vn', 'b@x.vn'],
        phone: '',
        organization: 'Sở TT&TT',
        title: 'Giám đốc',
        note: '',
        groups: ['Lãnh đạo Sở'],
      },
    ]);
    expect(plan.add).toEqual([
      { ...card({ name: 'Mới', emails: ['moi@binhphuoc.gov.vn'] }), groups: ['Văn phòng'] },
    ]);
  });
});
