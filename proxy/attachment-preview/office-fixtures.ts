import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { ZipFile } from 'yazl';

/**
 * Office files built in code for the tests, the benchmark and the integration test: a real
 * .docx is a zip of a few XML parts, so a letter (or a hostile variant of one) is a few lines.
 */
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Default Extension="png" ContentType="image/png"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface DocxRelationship {
  id: string;
  type: 'hyperlink' | 'image';
  target: string;
  external?: boolean;
}

/** word/document.xml around the given body XML (paragraphs, tables…). */
export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:r="${R}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>${body}</w:body></w:document>`;
}

export function paragraph(text: string, style?: string): string {
  const props = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
  return `<w:p>${props}<w:r><w:t xml:space="preserve">${xmlText(text)}</w:t></w:r></w:p>`;
}

export function hyperlink(id: string, text: string): string {
  return `<w:p><w:hyperlink r:id="${id}"><w:r><w:t>${xmlText(text)}</w:t></w:r></w:hyperlink></w:p>`;
}

/** An inline picture whose bytes are `relId` (embedded) or linked from outside (r:link). */
export function picture(relId: string, linked = false): string {
  const blip = linked ? `<a:blip r:link="${relId}"/>` : `<a:blip r:embed="${relId}"/>`;
  return `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="914400"/><wp:docPr id="1" name="Hình 1" descr="Con dấu"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="Hình 1"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>${blip}</pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
}

export function relationshipsXml(rels: DocxRelationship[]): string {
  const base = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const items = rels.map(
    (r) =>
      `<Relationship Id="${r.id}" Type="${base}/${r.type}" Target="${xmlText(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;
}

/** A .docx of the given body, relationships and extra parts (pictures, or anything hostile). */
export function buildDocx(
  body: string,
  options: { rels?: DocxRelationship[]; extra?: Record<string, Buffer | string> } = {},
): Promise<Buffer> {
  return zipOf({
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': ROOT_RELS,
    'word/document.xml': documentXml(body),
    'word/_rels/document.xml.rels': relationshipsXml(options.rels ?? []),
    ...options.extra,
  });
}

/** A zip written by yazl (deflated, sizes true). */
export async function zipOf(entries: Record<string, Buffer | string>): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, data] of Object.entries(entries))
    zip.addBuffer(typeof data === 'string' ? Buffer.from(data) : data, name, { mtime: new Date(0) });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A zip written by hand, whose central directory may lie: each entry is deflated (or stored) as
 * given, and `declaredSize` is what the headers claim its unpacked size is.
 */
export function handZip(
  entries: { name: string; data: Buffer; store?: boolean; declaredSize?: number }[],
): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = e.store ? e.data : deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.store ? 0 : 8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** A workbook of `rows` rows of a civil servants' list, a formula column and a second sheet. */
export async function buildXlsx(rows: number, columns = 6): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Danh sách');
  sheet.addRow([
    'STT',
    'Họ và tên',
    'Ngày sinh',
    'Đơn vị',
    'Hệ số',
    'Gấp đôi',
    ...Array(Math.max(0, columns - 6)).fill('Cột'),
  ]);
  for (let r = 1; r <= rows - 1; r++)
    sheet.addRow([
      r,
      `Nguyễn Văn ${r}`,
      new Date(Date.UTC(1980, 0, 1 + (r % 3650))),
      'Sở Thông tin và Truyền thông',
      2.34,
      { formula: `E${r + 1}*2`, result: 4.68 },
      ...Array(Math.max(0, columns - 6)).fill(r),
    ]);
  book.addWorksheet('Tổng hợp').addRow(['Tổng số', { formula: "COUNTA('Danh sách'!A:A)", result: rows }]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
