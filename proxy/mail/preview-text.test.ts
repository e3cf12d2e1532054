import { describe, expect, it } from 'vitest';
import { previewText } from './preview-text';

describe('previewText', () => {
  it('drops markup, styles and quoted lines', () => {
    const html = '<style>p{color:red}</style><p>Kính gửi <b>anh Thanh</b>,</p><p>Họp lúc 8h.</p>';
    expect(previewText(html, 'text/html')).toBe('Kính gửi anh Thanh, Họp lúc 8h.');
    expect(previewText('Đồng ý.\n> trích dẫn cũ\n', 'text/plain')).toBe('Đồng ý.');
  });
  it('cuts long text with an ellipsis', () => {
    const out = previewText('a'.repeat(500), 'text/plain');
    expect(out.length).toBe(160);
    expect(out.endsWith('…')).toBe(true);
  });
});
