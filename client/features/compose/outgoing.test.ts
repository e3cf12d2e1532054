import { describe, expect, it } from 'vitest';
import { htmlToText, initialBody, textToHtml } from './outgoing';

describe('body conversions', () => {
  it('turns text into paragraphs and line breaks, escaped', () => {
    expect(textToHtml('Kính gửi <anh>,\nDòng 2\n\nĐoạn & 2')).toBe(
      '<p>Kính gửi &lt;anh&gt;,<br>Dòng 2</p><p>Đoạn &amp; 2</p>',
    );
  });

  it('writes the editor HTML as readable text: lists, quotes, tables, links', () => {
    const html =
      '<p>Kính gửi <strong>anh</strong>,</p><ul><li><p>Một</p></li><li><p>Hai</p></li></ul>' +
      '<ol><li><p>Ba</p></li></ol><blockquote><p>Trích</p><p>dẫn</p></blockquote>' +
      '<table><tbody><tr><td><p>A</p></td><td><p>B</p></td></tr></tbody></table>' +
      '<p><a href="https://binhphuoc.gov.vn">Cổng</a></p>';
    expect(htmlToText(html)).toBe(
      'Kính gửi anh,\n- Một\n- Hai\n1. Ba\n> Trích\n> dẫn\nA\tB\nCổng <https://binhphuoc.gov.vn>',
    );
  });
});

describe('initialBody', () => {
  const sig = '<p>Trân trọng,</p><p>Trần Văn Thanh</p>';

  it('puts the signature under an empty line in a new message', () => {
    expect(initialBody(null, sig, false)).toMatchObject({ plain: false, html: `<p></p>${sig}` });
  });

  it('puts the signature above the quote of a reply, once', () => {
    const quote = '<p></p><p>Vào 01/12/2026, A đã viết:</p><blockquote type="cite"><p>x</p></blockquote>';
    const { html } = initialBody({ html: quote, text: '' }, sig, false);
    expect(html).toBe(
      `<p></p>${sig}<p>Vào 01/12/2026, A đã viết:</p><blockquote type="cite"><p>x</p></blockquote>`,
    );
    expect(html.split('Trân trọng').length).toBe(2);
  });

  it('adds no signature to a reopened draft, and keeps a plain draft plain', () => {
    expect(initialBody({ html: '<p>nháp</p>', text: 'nháp' }, sig, true).html).toBe('<p>nháp</p>');
    expect(initialBody({ html: null, text: 'dòng 1\ndòng 2' }, sig, true)).toEqual({
      plain: true,
      html: '',
      text: 'dòng 1\ndòng 2',
    });
  });

  it('signs a plain reply with the usual "-- " line', () => {
    expect(initialBody({ html: null, text: '\n\n> x' }, sig, false).text).toBe(
      '\n\n-- \nTrân trọng,\nTrần Văn Thanh\n\n> x',
    );
  });
});
