/**
 * Which fixture (scripts/seed/mail/*.eml) lands in which mailbox and folder, with which flags.
 * INBOX mail arrives over LMTP like real mail; every other folder is filled with IMAP APPEND as
 * the owner, so a suspended account (which cannot log in) only gets INBOX mail here.
 */
export type DemoFlag = '\\Seen' | '\\Flagged' | '\\Answered' | '\\Draft';

export interface DemoMessage {
  file: string;
  flags?: DemoFlag[];
}

export interface DemoMailbox {
  email: string;
  /** Folders besides the special-use ones (which Dovecot creates itself), parents first. */
  extraFolders?: string[];
  folders: Record<string, DemoMessage[]>;
}

const SEEN: DemoFlag[] = ['\\Seen'];
const SEEN_FLAGGED: DemoFlag[] = ['\\Seen', '\\Flagged'];

/** The Vietnamese folders; "/" is the hierarchy separator (namespace inbox in dovecot.conf). */
export const CONG_VAN_DEN = 'Công văn đến';
export const DU_AN = 'Dự án';
export const DU_AN_CHUYEN_DOI_SO = 'Dự án/Chuyển đổi số';

export const DEMO_MAILBOXES: DemoMailbox[] = [
  {
    // The richest mailbox: every fixture kind, for the reader, list and sanitiser tests.
    email: 'thanhtv.sttt@binhphuoc.gov.vn',
    extraFolders: [CONG_VAN_DEN, DU_AN, DU_AN_CHUYEN_DOI_SO],
    folders: {
      INBOX: [
        { file: '01-cong-van-ke-hoach-chuyen-doi-so.eml' },
        { file: '02-thong-bao-hop-windows-1258.eml', flags: SEEN },
        { file: '03-ban-tin-chuyen-doi-so-html.eml' },
        { file: '04-thread-chu-ky-so-1.eml', flags: SEEN },
        { file: '05-thread-chu-ky-so-2.eml', flags: SEEN_FLAGGED },
        { file: '06-thread-chu-ky-so-3.eml' },
        { file: '07-bao-cao-dinh-kem-pdf-docx.eml', flags: SEEN_FLAGGED },
        { file: '08-chuyen-tiep-rfc822.eml', flags: ['\\Seen', '\\Answered'] },
        { file: '09-thu-doc-hai-html.eml' },
        { file: '10-lich-cong-tac-tuan-48.eml', flags: SEEN },
        { file: '11-nhac-doi-mat-khau.eml', flags: SEEN },
        { file: '12-thong-bao-bao-tri.eml', flags: ['\\Flagged'] },
        { file: '13-yeu-cau-bao-cao-6-thang.eml', flags: SEEN },
        { file: '14-giay-moi-hop-giao-ban.eml', flags: SEEN },
        { file: '15-thu-gia-mao-xac-minh.eml' },
        { file: '16-gop-y-du-thao-utf8-headers.eml', flags: SEEN },
        { file: '17-khong-tieu-de.eml' },
        // A look-alike of the Văn phòng UBND: what the sender warnings are for.
        { file: '26-gia-danh-van-phong-ubnd.eml' },
      ],
      [CONG_VAN_DEN]: [
        { file: '18-cong-van-den-1234-ubnd.eml', flags: SEEN },
        { file: '19-cong-van-den-567-sgddt.eml', flags: SEEN_FLAGGED },
      ],
      [DU_AN_CHUYEN_DOI_SO]: [{ file: '20-du-an-cds-bien-ban-hop.eml', flags: SEEN }],
      Sent: [{ file: '21-da-gui-bao-cao-tien-do.eml', flags: SEEN }],
      Drafts: [{ file: '22-thu-nhap-tra-loi.eml', flags: ['\\Seen', '\\Draft'] }],
      Junk: [{ file: '23-thu-rac-quang-cao.eml' }],
      Archive: [{ file: '24-luu-tru-quyet-dinh-1956.eml', flags: SEEN }],
    },
  },
  {
    email: 'hanhntm.sttt@binhphuoc.gov.vn',
    folders: {
      INBOX: [
        { file: '05-thread-chu-ky-so-2.eml', flags: ['\\Seen', '\\Answered'] },
        { file: '03-ban-tin-chuyen-doi-so-html.eml', flags: SEEN },
        { file: '12-thong-bao-bao-tri.eml' },
        { file: '13-yeu-cau-bao-cao-6-thang.eml' },
      ],
      Sent: [
        { file: '04-thread-chu-ky-so-1.eml', flags: SEEN },
        { file: '06-thread-chu-ky-so-3.eml', flags: SEEN },
      ],
    },
  },
  {
    email: 'dungpq.vpubnd@binhphuoc.gov.vn',
    folders: {
      INBOX: [
        { file: '04-thread-chu-ky-so-1.eml', flags: ['\\Seen', '\\Answered'] },
        { file: '06-thread-chu-ky-so-3.eml' },
        { file: '13-yeu-cau-bao-cao-6-thang.eml', flags: SEEN },
        { file: '21-da-gui-bao-cao-tien-do.eml', flags: SEEN_FLAGGED },
      ],
      Sent: [
        { file: '05-thread-chu-ky-so-2.eml', flags: SEEN },
        { file: '14-giay-moi-hop-giao-ban.eml', flags: SEEN },
      ],
    },
  },
  {
    email: 'sttt@binhphuoc.gov.vn',
    extraFolders: [CONG_VAN_DEN],
    folders: {
      INBOX: [{ file: '02-thong-bao-hop-windows-1258.eml' }, { file: '19-cong-van-den-567-sgddt.eml' }],
      [CONG_VAN_DEN]: [{ file: '18-cong-van-den-1234-ubnd.eml', flags: SEEN }],
      Sent: [
        { file: '07-bao-cao-dinh-kem-pdf-docx.eml', flags: SEEN },
        { file: '13-yeu-cau-bao-cao-6-thang.eml', flags: SEEN },
      ],
    },
  },
  {
    email: 'hotro@binhphuoc.gov.vn',
    folders: {
      INBOX: [
        { file: '25-de-nghi-khoi-phuc-hop-thu.eml' },
        { file: '21-da-gui-bao-cao-tien-do.eml', flags: SEEN },
      ],
      Sent: [
        { file: '11-nhac-doi-mat-khau.eml', flags: SEEN },
        { file: '12-thong-bao-bao-tri.eml', flags: SEEN },
      ],
    },
  },
  {
    // Đ6.1: suspended, yet mail keeps arriving; it stays unread because nobody can log in.
    email: 'lanhnt.sgddt@binhphuoc.gov.vn',
    folders: {
      INBOX: [{ file: '13-yeu-cau-bao-cao-6-thang.eml' }, { file: '12-thong-bao-bao-tri.eml' }],
    },
  },
  {
    // Nearly empty on purpose: quota tests fill it up to its 1 MB themselves.
    email: 'quota1m.sttt@binhphuoc.gov.vn',
    folders: { INBOX: [{ file: '11-nhac-doi-mat-khau.eml' }] },
  },
];
