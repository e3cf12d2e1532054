import { describe, expect, it } from 'vitest';
import { mergedBody } from './merged-body';

describe('mergedBody', () => {
  const parts = [
    { kind: 'text' as const, text: 'Lời nhắn <riêng>\ndòng 2' },
    { kind: 'html' as const, html: '<p>Bảng <b>số liệu</b></p>' },
    {
      kind: 'message' as const,
      part: '3',
      subject: 'Dự toán 2027',
      from: { name: 'Sở Tài chính', address: 'stc@x.vn' },
      to: [{ name: '', address: 'tp@x.vn' }],
      cc: [],
      date: '2026-11-27T07:30:00.000Z',
      parts: [{ kind: 'text' as const, text: 'Đề nghị gửi dự toán.' }],
    },
  ];

  it('keeps every part in the text, the forwarded one with its headers', () => {
    const { text } = mergedBody(parts);
    expect(text).toContain('Lời nhắn <riêng>\ndòng 2');
    expect(text).toContain('Bảng số liệu');
    expect(text).toContain('From: Sở Tài chính <stc@x.vn>');
    expect(text).toContain('Subject: Dự toán 2027');
    expect(text.indexOf('Lời nhắn')).toBeLessThan(text.indexOf('Bảng'));
    expect(text.indexOf('Bảng')).toBeLessThan(text.indexOf('Đề nghị'));
  });

  it('escapes text parts in the HTML and quotes the forwarded message', () => {
    const { html } = mergedBody(parts);
    expect(html).toContain('Lời nhắn &lt;riêng&gt;<br>dòng 2');
    expect(html).toContain('<p>Bảng <b>số liệu</b></p>');
    expect(html).toMatch(
      /<blockquote type="cite"><p>From: Sở Tài chính &lt;stc@x\.vn&gt;.*Đề nghị gửi dự toán\.<\/div><\/blockquote>/s,
    );
  });
});
