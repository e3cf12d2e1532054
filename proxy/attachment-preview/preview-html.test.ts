import { describe, expect, it } from 'vitest';
import { cleanConvertedHtml, escapeHtml } from './preview-html';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

describe('cleanConvertedHtml', () => {
  it.each([
    [
      'keeps a letter’s structure',
      '<h1>Công văn</h1><p><strong>Kính gửi</strong>: <em>Sở</em></p>',
      '<h1>Công văn</h1><p><strong>Kính gửi</strong>: <em>Sở</em></p>',
    ],
    [
      'keeps an embedded picture',
      `<p><img src="${PNG}" alt="Con dấu" /></p>`,
      `<p><img src="${PNG}" alt="Con dấu" /></p>`,
    ],
    ['drops a remote picture', '<p><img src="https://tracker.example/p.gif" /></p>', '<p></p>'],
    ['drops a local file picture', '<img src="file:///etc/passwd">', ''],
    ['drops an SVG picture', '<img src="data:image/svg+xml;base64,PHN2Zz4=">', ''],
    ['drops a picture without source', '<img src="" alt="x">', ''],
    [
      'keeps a web link',
      '<a href="https://binhphuoc.gov.vn/">Cổng</a>',
      '<a href="https://binhphuoc.gov.vn/">Cổng</a>',
    ],
    [
      'keeps footnote links inside the document',
      '<a href="#footnote-1" id="footnote-ref-1">[1]</a>',
      '<a href="#footnote-1" id="footnote-ref-1">[1]</a>',
    ],
    ['drops a script link', '<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['drops a script', '<p>a</p><script>alert(1)</script>', '<p>a</p>'],
    ['drops handlers and styles', '<p onclick="x()" style="position:fixed">a</p>', '<p>a</p>'],
    ['drops frames and forms', '<iframe src="https://x"></iframe><form><input></form>', ''],
    [
      'draws a table grid',
      '<table><tr><td colspan="2">a</td></tr></table>',
      '<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse"><tr><td colspan="2">a</td></tr></table>',
    ],
  ])('%s', (_name, dirty, clean) => {
    expect(cleanConvertedHtml(dirty)).toBe(clean);
  });
});

describe('escapeHtml', () => {
  it('turns every markup character into a reference', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;',
    );
  });
});
