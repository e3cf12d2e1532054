/**
 * The words of the report documents (XLSX, PDF). They are official papers sent to the Provincial
 * People's Committee, so always in Vietnamese whatever the console's language.
 */
import type { ConsoleReport, ReportCountsBody } from '../../../common/contract';
import { vietnamDateOf } from '../../../common/policy/vietnam-date';

export const REPORT_HEADING = 'BÁO CÁO TÌNH HÌNH SỬ DỤNG HỘP THƯ ĐIỆN TỬ CÔNG VỤ';
export const UNASSIGNED_LABEL = 'Chưa xác định đơn vị';
export const TOTAL_LABEL = 'Tổng cộng';
export const UNKNOWN_USAGE = 'không rõ';

/** The counts in the order of the table; the four charted ones are marked. */
export const COLUMNS: { key: keyof ReportCountsBody; label: string; charted: boolean }[] = [
  { key: 'inUse', label: 'Đang sử dụng', charted: true },
  { key: 'created', label: 'Tạo mới', charted: true },
  { key: 'suspended', label: 'Tạm khóa', charted: true },
  { key: 'revoked', label: 'Thu hồi', charted: true },
  { key: 'neverLoggedIn', label: 'Chưa đăng nhập', charted: false },
  { key: 'nearQuota', label: 'Trên 90% dung lượng', charted: false },
];

/** '2026-06-19' → '19/6/2026', as dates are written in the text of official papers. */
export function dayMonthYear(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)}/${Number(m)}/${y}`;
}

export const periodText = (r: ConsoleReport): string =>
  `Kỳ báo cáo: từ ${dayMonthYear(r.period.firstDay)} đến ${dayMonthYear(r.period.lastDay)}`;

/** "ngày 25 tháng 6 năm 2026", the date line of an official paper (Nghị định 30/2020). */
export function dateLine(at: Date): string {
  const [y, m, d] = vietnamDateOf(at).split('-');
  const pad = (n: string, low: boolean) => (low ? n : String(Number(n)));
  // Nghị định 30/2020: days below 10 and months below 3 keep their leading zero.
  return `ngày ${pad(d as string, Number(d) < 10)} tháng ${pad(m as string, Number(m) < 3)} năm ${y}`;
}

export const unitLabel = (row: { code: string; name: string }): string =>
  row.code === '' ? UNASSIGNED_LABEL : row.name;

export const fileName = (r: ConsoleReport, ext: 'xlsx' | 'pdf'): string =>
  `Báo cáo hộp thư công vụ ${r.period.id}.${ext}`;
