import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import { docxToHtml } from './docx-to-html';
import { buildDocx, handZip, hyperlink, paragraph, picture } from './office-fixtures';

const limits = { maxEntries: 100, maxTotalBytes: 4 * 1024 * 1024 };
// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function codeOf(work: Promise<unknown>): Promise<string | null> {
  try {
    await work;
    return null;
  } catch (error) {
    return error instanceof ApiError ? error.code : `not ApiError: ${String(error)}`;
  }
}

describe('docxToHtml', () => {
  it('converts a letter: headings, paragraphs in Vietnamese, links shown as links', async () => {
    const docx = await buildDocx(
      paragraph('CÔNG VĂN SỐ 12/STTTT', 'Heading1') +
        paragraph('Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố.') +
        hyperlink('rId1', 'Cổng thông tin'),
      { rels: [{ id: 'rId1', type: 'hyperlink', target: 'https://binhphuoc.gov.vn/', external: true }] },
    );
    const html = await docxToHtml(docx, limits);
    expect(html).toContain('<h1>CÔNG VĂN SỐ 12/STTTT</h1>');
    expect(html).toContain('<p>Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố.</p>');
    expect(html).toContain('<a href="https://binhphuoc.gov.vn/">Cổng thông tin</a>');
  });

  it('keeps an embedded picture as data, drops a linked one (nothing outside the file is read)', async () => {
    const docx = await buildDocx(picture('rIdImg') + picture('rIdLinked', true), {
      rels: [
        { id: 'rIdImg', type: 'image', target: 'media/image1.png' },
        { id: 'rIdLinked', type: 'image', target: 'file:///etc/passwd', external: true },
      ],
      extra: { 'word/media/image1.png': PNG },
    });
    const html = await docxToHtml(docx, limits);
    expect(html.match(/<img /g)).toHaveLength(1);
    expect(html).toContain('src="data:image/png;base64,');
    expect(html).not.toContain('passwd');
  });

  it.each([
    ['a javascript: link', 'javascript:alert(1)'],
    ['a file: link', 'file:///C:/Windows/win.ini'],
    ['a data: link', 'data:text/html,<script>alert(1)</script>'],
  ])('drops the target of %s and keeps its text', async (_name, target) => {
    const docx = await buildDocx(hyperlink('rId1', 'Bấm vào đây'), {
      rels: [{ id: 'rId1', type: 'hyperlink', target, external: true }],
    });
    const html = await docxToHtml(docx, limits);
    expect(html).toContain('Bấm vào đây');
    expect(html).not.toMatch(/javascript:|file:|data:text/);
  });

  it('shows text that looks like markup as text', async () => {
    const html = await docxToHtml(await buildDocx(paragraph('<script>alert(1)</script><img src=x>')), limits);
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script');
  });

  it.each([
    ['an .xlsx renamed .docx', 'xlsx', 'preview_wrong_format'],
    ['a zip of XML that is not a document', 'not-word', 'preview_damaged'],
    ['a zip bomb', 'bomb', 'preview_too_large'],
  ])('refuses %s', async (_name, kind, code) => {
    const bytes =
      kind === 'xlsx'
        ? handZip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }])
        : kind === 'not-word'
          ? handZip([
              { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
              { name: 'word/document.xml', data: Buffer.from('this is not XML <<<') },
            ])
          : handZip([{ name: 'word/document.xml', data: Buffer.alloc(64 * 1024 * 1024), declaredSize: 100 }]);
    expect(await codeOf(docxToHtml(bytes, limits))).toBe(code);
  });
});
