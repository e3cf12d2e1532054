import type {
  MailboxList,
  MessageDetail,
  MessagePage,
  PublicConfig,
  SessionInfo,
} from '../../common/contract';

export const publicConfig: PublicConfig = {
  orgName: 'Ủy ban nhân dân tỉnh Bình Phước',
  productName: 'Hộp thư công vụ Bình Phước',
  mailDomain: 'binhphuoc.gov.vn',
  supportAddress: 'hotro@binhphuoc.gov.vn',
  sourceUrl: '/source.tar.gz',
  defaultLocale: 'vi',
  timeZone: 'Asia/Ho_Chi_Minh',
  limits: { attachmentMaxBytes: 20971520, undoSendSeconds: 5, passwordMinLength: 8, passwordMaxAgeDays: 30 },
};

export const session: SessionInfo = {
  email: 'thanhtv.sttt@binhphuoc.gov.vn',
  csrfToken: 'csrf-123',
  expiresAt: '2026-12-01T00:00:00.000Z',
  password: { changeRequired: null, ageDays: 3, daysLeft: null, graceDaysLeft: null },
  role: 'user',
};

const box = (
  path: string,
  specialUse: MailboxList['mailboxes'][number]['specialUse'],
  unread = 0,
  total = 3,
) => ({
  path,
  displayName: path.split('/').pop()!,
  parent: path.includes('/') ? path.split('/').slice(0, -1).join('/') : null,
  delimiter: '/',
  specialUse,
  total,
  unread,
  subscribed: true,
  selectable: true,
});

export const mailboxes: MailboxList = {
  mailboxes: [
    box('INBOX', 'inbox', 2, 3),
    box('Drafts', 'drafts'),
    box('Sent', 'sent'),
    box('Trash', 'trash'),
    box('Công văn đến', null, 1),
    box('Dự án/Chuyển đổi số', null),
  ],
};

export const inboxPage: MessagePage = {
  mailbox: 'INBOX',
  total: 2,
  unread: 2,
  uidValidity: '1',
  offset: 0,
  version: '1.4.3.10',
  nextCursor: null,
  messages: [
    {
      uid: 3,
      from: { name: 'Phạm Quốc Dũng', address: 'dungpq.vpubnd@binhphuoc.gov.vn' },
      to: [{ name: 'Trần Văn Thanh', address: 'thanhtv.sttt@binhphuoc.gov.vn' }],
      subject: 'Công văn số 125/UBND-KGVX về chuyển đổi số',
      date: '2026-11-28T17:30:00.000Z', // 00:30 on 29/11 in Hồ Chí Minh City
      flags: { seen: false, flagged: true, answered: false, draft: false },
      size: 52000,
      hasAttachments: true,
      preview: 'Kính gửi các sở, ban, ngành…',
    },
    {
      uid: 2,
      from: { name: '', address: 'hotro@binhphuoc.gov.vn' },
      to: [],
      subject: '',
      date: '2026-11-20T02:00:00.000Z',
      flags: { seen: true, flagged: false, answered: false, draft: false },
      size: 2000,
      hasAttachments: false,
      preview: 'Thông báo bảo trì',
    },
  ],
};

export const hostileMessage: MessageDetail = {
  uid: 3,
  mailbox: 'INBOX',
  messageId: '<a@b>',
  subject: 'Công văn số 125/UBND-KGVX về chuyển đổi số',
  from: { name: 'Phạm Quốc Dũng', address: 'dungpq.vpubnd@binhphuoc.gov.vn' },
  to: [{ name: 'Trần Văn Thanh', address: 'thanhtv.sttt@binhphuoc.gov.vn' }],
  cc: [],
  replyTo: [],
  date: '2026-11-28T17:30:00.000Z',
  flags: { seen: false, flagged: true, answered: false, draft: false },
  size: 52000,
  text: 'Kính gửi',
  html: '<p>Kính gửi các đơn vị</p><img src="https://tracker.example/p.gif"><img src="cid:logo@sttt"><script>parent.pwned=1</script>',
  attachments: [
    {
      id: '2',
      filename: 'Công văn 125.pdf',
      contentType: 'application/pdf',
      size: 1887437,
      contentId: null,
      inline: false,
    },
    {
      id: '1.2',
      filename: 'logo.png',
      contentType: 'image/png',
      size: 700,
      contentId: 'logo@sttt',
      inline: true,
    },
  ],
  inReplyTo: null,
  references: [],
  list: null,
};
