/**
 * The report as an A4 PDF laid out like an official paper: the national motto, the heading, the
 * period, the table per unit with its total, and a bar chart drawn with pdfkit's vector graphics
 * (accounts in use, created, suspended, revoked per unit). DejaVu Sans carries every Vietnamese
 * letter; the table and the chart continue over as many pages as there are units.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { ConsoleReport, ReportCountsBody } from '../../../common/contract';
import {
  COLUMNS,
  dateLine,
  periodText,
  REPORT_HEADING,
  TOTAL_LABEL,
  UNKNOWN_USAGE,
  unitLabel,
} from './report-labels';

const require = createRequire(import.meta.url);
const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  italic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
};

/** The chart's series, in the page's colours too (ReportChart.tsx). */
export const SERIES_COLOURS: Record<'inUse' | 'created' | 'suspended' | 'revoked', string> = {
  inUse: '#2563eb',
  created: '#16a34a',
  suspended: '#d97706',
  revoked: '#dc2626',
};

const MARGIN = 50;
type Doc = PDFKit.PDFDocument;

export function reportPdf(report: ConsoleReport, orgName: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `${REPORT_HEADING} ${report.period.id}`, Author: orgName },
  });
  doc.registerFont('R', FONTS.regular);
  doc.registerFont('B', FONTS.bold);
  doc.registerFont('I', FONTS.italic);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  heading(doc, report, orgName);
  table(doc, report);
  chart(doc, report);
  pageNumbers(doc);
  doc.end();
  return done;
}

const contentWidth = (doc: Doc) => doc.page.width - 2 * MARGIN;
const bottom = (doc: Doc) => doc.page.height - MARGIN - 14;

function heading(doc: Doc, report: ConsoleReport, orgName: string) {
  const top = MARGIN;
  const leftWidth = 210;
  const rightX = MARGIN + leftWidth + 15;
  const rightWidth = contentWidth(doc) - leftWidth - 15;
  doc.font('B').fontSize(10).text(orgName.toUpperCase(), MARGIN, top, { width: leftWidth, align: 'center' });
  const leftEnd = doc.y;
  doc
    .moveTo(MARGIN + leftWidth / 2 - 40, leftEnd + 3)
    .lineTo(MARGIN + leftWidth / 2 + 40, leftEnd + 3)
    .stroke();
  doc.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, { width: rightWidth, align: 'center' });
  doc.fontSize(10.5).text('Độc lập - Tự do - Hạnh phúc', { width: rightWidth, align: 'center' });
  const mottoEnd = doc.y;
  doc
    .moveTo(rightX + rightWidth / 2 - 75, mottoEnd + 2)
    .lineTo(rightX + rightWidth / 2 + 75, mottoEnd + 2)
    .stroke();
  const place = /tỉnh\s+(.+)$/i.exec(orgName)?.[1];
  const date = dateLine(new Date(report.generatedAt));
  doc
    .font('I')
    .fontSize(10)
    .text(place ? `${place}, ${date}` : date.replace(/^n/, 'N'), rightX, mottoEnd + 10, {
      width: rightWidth,
      align: 'center',
    });

  doc
    .font('B')
    .fontSize(13)
    .text(REPORT_HEADING, MARGIN, doc.y + 24, { width: contentWidth(doc), align: 'center' });
  doc
    .font('R')
    .fontSize(11)
    .text(periodText(report), { width: contentWidth(doc), align: 'center' });
  doc.fontSize(9).fillColor('#444');
  if (report.period.current) {
    doc.text(`Kỳ báo cáo chưa kết thúc: số liệu đến ${dateLine(new Date(report.generatedAt))}.`, {
      width: contentWidth(doc),
      align: 'center',
    });
  }
  if (!report.usageKnown) {
    doc.text('Không đọc được dung lượng đã dùng từ máy chủ thư: cột "Trên 90% dung lượng" ghi "không rõ".', {
      width: contentWidth(doc),
      align: 'center',
    });
  }
  doc.fillColor('black');
  doc.y += 14;
}

const NO_WIDTH = 26;
const COUNT_WIDTH = 52;

function table(doc: Doc, report: ConsoleReport) {
  const nameWidth = contentWidth(doc) - NO_WIDTH - COLUMNS.length * COUNT_WIDTH;
  const xs = [
    MARGIN,
    MARGIN + NO_WIDTH,
    ...COLUMNS.map((_, i) => MARGIN + NO_WIDTH + nameWidth + i * COUNT_WIDTH),
  ];
  const widths = [NO_WIDTH, nameWidth, ...COLUMNS.map(() => COUNT_WIDTH)];

  const row = (cells: string[], font: 'R' | 'B', size: number, fill: string | null) => {
    doc.font(font).fontSize(size);
    const height =
      Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: (widths[i] as number) - 6 }))) + 8;
    if (doc.y + height > bottom(doc)) {
      doc.addPage();
      headerRow();
      doc.font(font).fontSize(size);
    }
    const y = doc.y;
    if (fill) doc.rect(MARGIN, y, contentWidth(doc), height).fill(fill).fillColor('black');
    cells.forEach((text, i) => {
      const x = xs[i] as number;
      const w = widths[i] as number;
      doc.rect(x, y, w, height).lineWidth(0.5).stroke();
      doc.text(text, x + 3, y + 4, { width: w - 6, align: i === 1 ? 'left' : i === 0 ? 'center' : 'right' });
    });
    doc.x = MARGIN;
    doc.y = y + height;
  };
  const headerRow = () => row(['STT', 'Đơn vị', ...COLUMNS.map((c) => c.label)], 'B', 8, '#e5e7eb');

  const count = (counts: ReportCountsBody, key: keyof ReportCountsBody) => {
    const n = counts[key];
    return n === null ? UNKNOWN_USAGE : n.toLocaleString('vi-VN');
  };
  headerRow();
  report.units.forEach((unit, i) => {
    row([String(i + 1), unitLabel(unit), ...COLUMNS.map((c) => count(unit, c.key))], 'R', 9, null);
  });
  row(['', TOTAL_LABEL, ...COLUMNS.map((c) => count(report.total, c.key))], 'B', 9, '#f3f4f6');
  doc.font('I').fontSize(8).fillColor('#444');
  doc.text(
    'Đang sử dụng: chưa thu hồi và không bị tạm khóa vào cuối kỳ. Tạm khóa: bị tạm khóa ít nhất một lần trong kỳ. Dung lượng: số liệu tại thời điểm lập báo cáo.',
    MARGIN,
    doc.y + 4,
    { width: contentWidth(doc) },
  );
  doc.fillColor('black');
}

const CHARTED = COLUMNS.filter((c) => c.charted) as { key: keyof typeof SERIES_COLOURS; label: string }[];
const LABEL_WIDTH = 150;
const BAR = 5;
const BAR_GAP = 1.5;
const GROUP_GAP = 8;

/** Horizontal grouped bars: a long list of units reads down the page and breaks between groups. */
function chart(doc: Doc, report: ConsoleReport) {
  const max = Math.max(1, ...report.units.flatMap((u) => CHARTED.map((c) => u[c.key])));
  const step = niceStep(max);
  const axisMax = Math.ceil(max / step) * step;
  const plotX = MARGIN + LABEL_WIDTH + 6;
  const plotWidth = contentWidth(doc) - LABEL_WIDTH - 30;
  const scale = (n: number) => (n / axisMax) * plotWidth;
  const groupHeight = CHARTED.length * (BAR + BAR_GAP);

  const start = (title: string) => {
    doc
      .font('B')
      .fontSize(11)
      .text(title, MARGIN, doc.y, { width: contentWidth(doc) });
    doc.y += 4;
    // Legend
    let x = MARGIN;
    doc.font('R').fontSize(8);
    for (const c of CHARTED) {
      doc.rect(x, doc.y + 1, 8, 8).fill(SERIES_COLOURS[c.key]);
      doc.fillColor('black').text(c.label, x + 11, doc.y, { lineBreak: false });
      x += 11 + doc.widthOfString(c.label) + 16;
    }
    doc.y += 16;
    // Axis ticks
    const axisY = doc.y;
    doc.fontSize(7).fillColor('#555');
    for (let v = 0; v <= axisMax; v += step) {
      const tx = plotX + scale(v);
      doc.text(String(v), tx - 15, axisY, { width: 30, align: 'center', lineBreak: false });
    }
    doc.fillColor('black');
    doc.y = axisY + 11;
    return doc.y;
  };

  if (doc.y + 120 > bottom(doc)) doc.addPage();
  else doc.y += 18;
  let top = start('Biểu đồ: số hộp thư theo đơn vị');
  const gridlines = (from: number, to: number) => {
    for (let v = 0; v <= axisMax; v += step) {
      const gx = plotX + scale(v);
      doc
        .moveTo(gx, from)
        .lineTo(gx, to)
        .lineWidth(v === 0 ? 0.8 : 0.3)
        .strokeColor(v === 0 ? '#000' : '#bbb')
        .stroke();
    }
    doc.strokeColor('black').lineWidth(1);
  };

  for (const unit of report.units) {
    doc.font('R').fontSize(8);
    const label = unitLabel(unit);
    const labelHeight = Math.min(doc.heightOfString(label, { width: LABEL_WIDTH }), 3 * 10);
    const height = Math.max(groupHeight, labelHeight) + GROUP_GAP;
    if (doc.y + height > bottom(doc)) {
      gridlines(top, doc.y);
      doc.addPage();
      top = start('Biểu đồ: số hộp thư theo đơn vị (tiếp theo)');
    }
    const y = doc.y;
    doc.text(label, MARGIN, y, { width: LABEL_WIDTH, height: labelHeight, ellipsis: true, align: 'right' });
    CHARTED.forEach((c, i) => {
      const by = y + i * (BAR + BAR_GAP);
      const value = unit[c.key];
      if (value > 0) doc.rect(plotX, by, scale(value), BAR).fill(SERIES_COLOURS[c.key]);
      doc
        .fillColor('#333')
        .fontSize(6)
        .text(String(value), plotX + scale(value) + 2, by - 1, { lineBreak: false });
    });
    doc.fillColor('black');
    doc.x = MARGIN;
    doc.y = y + height;
  }
  gridlines(top, doc.y);
}

/** 1, 2, 2.5 or 5 times a power of ten (whole numbers), for about five ticks. */
export function niceStep(max: number): number {
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  const step =
    [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw && Number.isInteger(s)) ?? 10 * power;
  return Math.max(1, step);
}

function pageNumbers(doc: Doc) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would add a page: lift it while the number is written.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('R')
      .fontSize(8)
      .fillColor('#555')
      .text(`Trang ${i + 1}/${range.count}`, MARGIN, doc.page.height - MARGIN + 10, {
        width: contentWidth(doc),
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = margin;
  }
}
