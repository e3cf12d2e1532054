import iconv from 'iconv-lite';
import { encodeWord } from 'nodemailer/lib/mime-funcs';
import { appendMessage, ensureFolders, type ImapLogin, withImapSession } from './imap-append';
import { deliverViaLmtp } from './lmtp-delivery';
import { formatRfc5322Date } from './mail-fixtures';

/**
 * Vietnamese mail written the ways real mail writes it, for the search measurements and tests:
 * UTF-8 in NFC (today's clients), UTF-8 in NFD (macOS, some web forms), windows-1258 (Outlook
 * Express era: base letters with ^ ˘ ơ ư precomposed, the five tones as combining marks), subjects
 * as RFC 2047 B and Q words, bodies as 8bit, quoted-printable and base64, HTML with entities.
 */
export type SearchMailEncoding = 'utf8-nfc' | 'utf8-nfd' | 'windows-1258';

export interface SearchMailSpec {
  /** Stable key, written into the Message-ID so a test can tell which message came back. */
  key: string;
  subject: string;
  body: string;
  fromName: string;
  fromEmail: string;
  to: string;
  cc?: string;
  date: Date;
  encoding?: SearchMailEncoding;
  transfer?: '8bit' | 'quoted-printable' | 'base64';
  html?: boolean;
  attachment?: { filename: string; contentType: string; content: Buffer };
}

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/u;

/**
 * Windows-1258 has â ê ô ă ơ ư đ (and their capitals) as single bytes but writes the tones as
 * combining marks: decompose, then put back every mark that is not a tone.
 */
export function toWindows1258(text: string): Buffer {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const parts = [...ch.normalize('NFD')];
    const tones = parts.filter((p) => TONES.test(p));
    const base = parts
      .filter((p) => !TONES.test(p))
      .join('')
      .normalize('NFC');
    out += base + tones.join('');
  }
  return iconv.encode(out, 'windows1258');
}

function encodeText(text: string, encoding: SearchMailEncoding): { bytes: Buffer; charset: string } {
  switch (encoding) {
    case 'utf8-nfd':
      return { bytes: Buffer.from(text.normalize('NFD'), 'utf8'), charset: 'utf-8' };
    case 'windows-1258':
      return { bytes: toWindows1258(text), charset: 'windows-1258' };
    default:
      return { bytes: Buffer.from(text.normalize('NFC'), 'utf8'), charset: 'utf-8' };
  }
}

function headerText(text: string, encoding: SearchMailEncoding): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const { bytes, charset } = encodeText(text, encoding);
  if (charset === 'windows-1258') {
    // Q-encoded words of at most 75 characters, as Outlook Express wrote them.
    const words: string[] = [];
    let chunk = '';
    for (const b of bytes) {
      const plain = b > 0x20 && b < 0x7f && !'=?_'.includes(String.fromCharCode(b));
      if (b === 0x20) chunk += '_';
      else chunk += plain ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
      if (chunk.length > 40) {
        words.push(`=?windows-1258?Q?${chunk}?=`);
        chunk = '';
      }
    }
    if (chunk) words.push(`=?windows-1258?Q?${chunk}?=`);
    return words.join('\r\n ');
  }
  return encodeWord(bytes.toString('utf8'), 'B', 52).split(' ').join('\r\n ');
}

function transferEncode(bytes: Buffer, transfer: SearchMailSpec['transfer']): string {
  if (transfer === 'base64') return (bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
  if (transfer === 'quoted-printable') {
    let line = '';
    const lines: string[] = [];
    for (const b of bytes) {
      if (b === 0x0a) {
        lines.push(line);
        line = '';
        continue;
      }
      const piece =
        b === 0x0d
          ? ''
          : b >= 0x21 && b <= 0x7e && b !== 0x3d
            ? String.fromCharCode(b)
            : b === 0x20
              ? ' '
              : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
      if (line.length + piece.length > 73) {
        lines.push(`${line}=`);
        line = '';
      }
      line += piece;
    }
    lines.push(line);
    return lines.join('\r\n');
  }
  return bytes.toString('latin1').replace(/\r?\n/g, '\r\n');
}

function htmlWithEntities(text: string): string {
  // Outlook and some portals write non-ASCII letters as entities in HTML mail.
  const escaped = [...text]
    .map((ch) => {
      if (ch === '<') return '&lt;';
      if (ch === '&') return '&amp;';
      const code = ch.codePointAt(0) ?? 0;
      return code > 0x7e ? `&#${code};` : ch;
    })
    .join('');
  return `<html><body><p>${escaped.replace(/\n/g, '<br>')}</p></body></html>`;
}

/** A complete message with CRLF line ends, ready for LMTP or APPEND. */
export function buildSearchMail(spec: SearchMailSpec): Buffer {
  const encoding = spec.encoding ?? 'utf8-nfc';
  const transfer = spec.transfer ?? '8bit';
  const headers = [
    `Message-ID: <${spec.key}@search.test>`,
    `Date: ${formatRfc5322Date(spec.date)}`,
    `From: ${headerText(spec.fromName, encoding)} <${spec.fromEmail}>`,
    `To: <${spec.to}>`,
    ...(spec.cc ? [`Cc: ${spec.cc}`] : []),
    `Subject: ${headerText(spec.subject, encoding)}`,
    'MIME-Version: 1.0',
  ];
  const textPart = (): Buffer[] => {
    const body = spec.html ? htmlWithEntities(spec.body) : spec.body;
    const { bytes, charset } = spec.html
      ? { bytes: Buffer.from(body), charset: 'us-ascii' }
      : encodeText(body, encoding);
    return [
      Buffer.from(
        `Content-Type: ${spec.html ? 'text/html' : 'text/plain'}; charset=${charset}\r\n` +
          `Content-Transfer-Encoding: ${transfer}\r\n\r\n`,
        'latin1',
      ),
      Buffer.from(transferEncode(bytes, transfer), 'latin1'),
    ];
  };
  if (!spec.attachment) {
    return Buffer.concat([
      Buffer.from(`${headers.join('\r\n')}\r\n`, 'latin1'),
      ...textPart(),
      Buffer.from('\r\n'),
    ]);
  }
  const boundary = `=_search_${spec.key}`;
  const name = spec.attachment.filename;
  const encodedName = `UTF-8''${encodeURIComponent(name.normalize('NFC'))}`;
  return Buffer.concat([
    Buffer.from(
      `${headers.join('\r\n')}\r\nContent-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n--${boundary}\r\n`,
      'latin1',
    ),
    ...textPart(),
    Buffer.from(
      `\r\n--${boundary}\r\nContent-Type: ${spec.attachment.contentType}; name*=${encodedName}\r\n` +
        `Content-Disposition: attachment; filename*=${encodedName}\r\nContent-Transfer-Encoding: base64\r\n\r\n` +
        `${transferEncode(spec.attachment.content, 'base64')}\r\n--${boundary}--\r\n`,
      'latin1',
    ),
  ]);
}

const DAY = 86_400_000;

/**
 * The measurement set: each message states what it should be found by. `now` anchors the dates so
 * that a date-range query has a known answer.
 */
export function vietnameseSearchSet(to: string, now: Date): SearchMailSpec[] {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const pdf = Buffer.from('%PDF-1.4\n% bao cao\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  return [
    {
      key: 'nfc-cong-van',
      subject: 'Công văn số 125 về chuyển đổi số',
      body: 'Kính gửi các phòng ban,\nSở triển khai hồ sơ điện tử trên toàn tỉnh.\n',
      fromName: 'Trần Văn Thanh',
      fromEmail: 'thanhtv.sttt@binhphuoc.gov.vn',
      to,
      date: at(40),
    },
    {
      key: 'nfd-giay-moi',
      subject: 'Giấy mời họp giao ban',
      body: 'Về công văn số 88 của Ủy ban nhân dân tỉnh, mời đồng chí dự họp.\n',
      fromName: 'Lê Thị Hạnh',
      fromEmail: 'hanhlt.vp@binhphuoc.gov.vn',
      to,
      date: at(20),
      encoding: 'utf8-nfd',
      transfer: 'quoted-printable',
    },
    {
      key: 'cp1258-bao-cao',
      subject: 'Báo cáo điện tử tháng 11',
      body: 'Đề nghị Ủy ban nhân dân huyện gửi báo cáo trước ngày 25.\n',
      fromName: 'Lê Minh Tuấn',
      fromEmail: 'tuanlm.dongxoai@binhphuoc.gov.vn',
      to,
      date: at(10),
      encoding: 'windows-1258',
    },
    {
      key: 'html-entities',
      subject: 'Thông báo lịch trực',
      body: 'Lịch trực bảo vệ cơ quan dịp lễ, kèm công văn hướng dẫn.\n',
      fromName: 'Phòng Hành chính',
      fromEmail: 'hcth.sttt@binhphuoc.gov.vn',
      to,
      date: at(5),
      html: true,
      transfer: 'base64',
    },
    {
      key: 'attachment-quyet-dinh',
      subject: 'Quyết định bổ nhiệm',
      body: 'Gửi kèm quyết định bổ nhiệm (bản điện tử).\n',
      fromName: 'Nguyễn Văn An',
      fromEmail: 'annv.snv@binhphuoc.gov.vn',
      to,
      date: at(3),
      attachment: { filename: 'Quyết định 45.pdf', contentType: 'application/pdf', content: pdf },
    },
    {
      key: 'upper-khan',
      subject: 'CÔNG VĂN KHẨN: ĐIỆN TỬ HÓA HỒ SƠ',
      body: 'NỘI DUNG VIẾT HOA TOÀN BỘ.\n',
      fromName: 'ĐẶNG VĂN ĐỨC',
      fromEmail: 'ducdv.ubnd@binhphuoc.gov.vn',
      to,
      date: at(2),
      encoding: 'utf8-nfc',
      transfer: 'base64',
    },
    {
      key: 'ascii-khong-dau',
      subject: 'cong van khong dau tu dien thoai',
      body: 'Go tu dien thoai nen khong co dau.\n',
      fromName: 'Vo Thanh Son',
      fromEmail: 'sonvt.huyen@binhphuoc.gov.vn',
      to,
      date: at(1),
    },
    {
      key: 'unrelated',
      subject: 'Lịch công tác tuần 48',
      body: 'Thứ hai: họp giao ban. Thứ ba: làm việc với Sở Tài chính.\n',
      fromName: 'Văn phòng UBND tỉnh',
      fromEmail: 'vpubnd@binhphuoc.gov.vn',
      to,
      date: at(30),
    },
  ];
}

/** Outside INBOX: a nested Vietnamese folder and the Trash, which "all folders" searches too. */
export function otherFolderSet(
  to: string,
  now: Date,
): { folder: string; spec: SearchMailSpec; seen: boolean }[] {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  return [
    {
      folder: 'Hồ sơ cũ/2025',
      seen: true,
      spec: {
        key: 'archive-cong-van',
        subject: 'Công văn lưu trữ số 7',
        body: 'Bản lưu công văn gửi Sở Nội vụ.\n',
        fromName: 'Văn thư Sở',
        fromEmail: 'vanthu.sttt@binhphuoc.gov.vn',
        to,
        cc: `=?UTF-8?B?${Buffer.from('Phạm Thị Hồng').toString('base64')}?= <hongpt.snv@binhphuoc.gov.vn>`,
        date: at(60),
      },
    },
    {
      folder: 'Trash',
      seen: true,
      spec: {
        key: 'trash-cong-van',
        subject: 'Công văn đã xóa',
        body: 'Thư này nằm trong Thùng rác.\n',
        fromName: 'Hoàng Minh Quân',
        fromEmail: 'quanhm.stc@binhphuoc.gov.vn',
        to,
        date: at(15),
      },
    },
  ];
}

/** INBOX keys left unread; everything else is marked read. */
export const UNREAD_KEYS = ['cp1258-bao-cao', 'upper-khan'];

/**
 * Fills a (fresh) mailbox with both sets: INBOX over LMTP, as Postfix delivers, the other folders
 * by APPEND; then marks all but UNREAD_KEYS read.
 */
export async function seedSearchMailbox(login: ImapLogin, now: Date): Promise<void> {
  const inbox = vietnameseSearchSet(login.email, now);
  const results = await deliverViaLmtp(
    inbox.map((spec) => ({ from: spec.fromEmail, to: [login.email], raw: buildSearchMail(spec) })),
  );
  const refused = results.flatMap((r) => r.rejected);
  if (refused.length > 0) throw new Error(`LMTP refused: ${refused[0]?.response}`);
  await withImapSession(login, async (client) => {
    await ensureFolders(client, ['Hồ sơ cũ', 'Hồ sơ cũ/2025']);
    for (const { folder, spec, seen } of otherFolderSet(login.email, now))
      await appendMessage(client, folder, buildSearchMail(spec), seen ? ['\\Seen'] : [], spec.date);
    const lock = await client.getMailboxLock('INBOX');
    try {
      for (const spec of inbox) {
        if (UNREAD_KEYS.includes(spec.key)) continue;
        const uids = await client.search(
          { header: { 'message-id': `<${spec.key}@search.test>` } },
          { uid: true },
        );
        if (uids && uids.length > 0) await client.messageFlagsAdd(uids, ['\\Seen'], { uid: true });
      }
    } finally {
      lock.release();
    }
  });
}
