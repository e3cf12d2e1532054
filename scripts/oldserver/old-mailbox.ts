import { createHash } from 'node:crypto';

/**
 * The old server's test mailbox, built the same way every time so a test can check exact counts:
 * Vietnamese folder names (a flagged Sent, Drafts and Trash known only by name, nested archives),
 * varied flags, old internal dates, some messages without Message-ID and some exact duplicates.
 */
export const OLD_SERVER = {
  host: '127.0.0.1',
  /** Plain IMAP and STARTTLS. */
  imapPort: Number(process.env.BP_OLDSERVER_IMAP_PORT ?? 2143),
  /** IMAPS with a self-signed certificate. */
  imapsPort: Number(process.env.BP_OLDSERVER_IMAPS_PORT ?? 2993),
  password: 'MatKhauCu@2024',
  users: {
    /** The 2,000-message mailbox of the integration test. */
    main: 'canbo.cu@donvi-cu.local',
    /** The 10,000-message mailbox of the bench. */
    bench: 'bench.cu@donvi-cu.local',
    /** A small mailbox for the fault tests (drops, aborts). */
    small: 'trong.cu@donvi-cu.local',
    second: 'canbo2.cu@donvi-cu.local',
  },
} as const;

export interface OldFolderPlan {
  path: string;
  /** Messages appended, duplicates included. */
  count: number;
}

/** 2,000 messages in all. "Đã gửi" carries \Sent on the old server; the others are known by name. */
export const MAIN_FOLDERS: OldFolderPlan[] = [
  { path: 'INBOX', count: 600 },
  { path: 'Công văn đến', count: 500 },
  { path: 'Lưu trữ', count: 0 },
  { path: 'Lưu trữ/2024', count: 300 },
  { path: 'Lưu trữ/2023', count: 100 },
  { path: 'Đã gửi', count: 300 },
  { path: 'Thư nháp', count: 50 },
  { path: 'Thùng rác', count: 50 },
  { path: 'Dự án/Chuyển đổi số', count: 100 },
];

export interface OldMessage {
  raw: Buffer;
  flags: string[];
  internalDate: Date;
  /** An exact copy (bytes, date) of the message before it in the same folder. */
  duplicate: boolean;
  hasMessageId: boolean;
}

/** Every 40th message (after the first) repeats the one before it; every 7th has no Message-ID. */
export function isDuplicateIndex(i: number): boolean {
  return i > 0 && i % 40 === 0;
}

export function oldMessage(folder: string, i: number, bigBody = false): OldMessage {
  if (isDuplicateIndex(i)) return { ...oldMessage(folder, i - 1, bigBody), duplicate: true };
  const seed = createHash('sha256').update(`${folder}#${i}`).digest();
  // 2019-01-01 … 2024-12-31, whole seconds (INTERNALDATE has no finer precision).
  const internalDate = new Date(Date.UTC(2019, 0, 1) + (seed.readUInt32BE(0) % (6 * 365 * 86_400)) * 1000);
  const hasMessageId = i % 7 !== 3;
  const sent = folder === 'Đã gửi';
  const subject = `${folder.split('/').pop()} số ${i + 1}: V/v triển khai kế hoạch năm ${internalDate.getUTCFullYear()}`;
  const headers = [
    `From: ${sent ? 'Cán bộ cũ <canbo.cu@donvi-cu.local>' : `Văn thư ${i % 9} <vanthu${i % 9}@donvi-cu.local>`}`,
    `To: ${sent ? `nguoinhan${i % 5}@donvi-khac.local` : 'canbo.cu@donvi-cu.local'}`,
    `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
    `Date: ${internalDate.toUTCString()}`,
    ...(hasMessageId ? [`Message-ID: <${seed.toString('hex', 4, 16)}.${i}@donvi-cu.local>`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
  ];
  const line = `Kính gửi anh/chị, nội dung thư số ${i + 1} trong thư mục "${folder}".`;
  const body = bigBody ? Array.from({ length: 40 }, () => line).join('\r\n') : line;
  const flags: string[] = [];
  if (i % 3 !== 0) flags.push('\\Seen');
  if (i % 5 === 0) flags.push('\\Flagged');
  if (i % 11 === 0) flags.push('\\Answered');
  if (i % 13 === 0) flags.push('$Label1');
  if (folder === 'Thư nháp') flags.push('\\Draft');
  return {
    raw: Buffer.from(`${headers.join('\r\n')}\r\n\r\n${body}\r\n`),
    flags,
    internalDate,
    duplicate: false,
    hasMessageId,
  };
}

/** Distinct messages of a folder of `count`: the duplicates do not count. */
export function uniqueCount(count: number): number {
  let n = 0;
  for (let i = 0; i < count; i++) if (!isDuplicateIndex(i)) n++;
  return n;
}

/** The fault tests' mailbox: 250 messages, quick to copy again and again. */
export const SMALL_FOLDERS: OldFolderPlan[] = [
  { path: 'INBOX', count: 150 },
  { path: 'Công văn đến', count: 100 },
];

/** The bench's mailbox: 10,000 messages in five folders. */
export const BENCH_FOLDERS: OldFolderPlan[] = [
  { path: 'INBOX', count: 4000 },
  { path: 'Công văn đến', count: 3000 },
  { path: 'Đã gửi', count: 2000 },
  { path: 'Lưu trữ/2022', count: 1000 },
];
