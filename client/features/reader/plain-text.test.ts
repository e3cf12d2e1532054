import { describe, expect, it } from 'vitest';
import { linkifyText, splitQuotes } from './plain-text';

describe('splitQuotes', () => {
  it('keeps the sender’s text and collapses a Vietnamese reply with its "Vào … viết:" line', () => {
    const blocks = splitQuotes(
      'Em gửi lại bản đã sửa.\n\nVào 10:15 Thứ Hai, 30/11/2026, Phạm Quốc Dũng <dungpq.vpubnd@binhphuoc.gov.vn>\nđã viết:\n> Đề nghị anh kiểm tra lại.\n>\n> > Trích dẫn lồng\n\nTrân trọng.',
    );
    expect(blocks).toEqual([
      { kind: 'text', text: 'Em gửi lại bản đã sửa.' },
      {
        kind: 'quote',
        attribution:
          'Vào 10:15 Thứ Hai, 30/11/2026, Phạm Quốc Dũng <dungpq.vpubnd@binhphuoc.gov.vn> đã viết:',
        text: 'Đề nghị anh kiểm tra lại.\n\n> Trích dẫn lồng',
      },
      { kind: 'text', text: '\nTrân trọng.' },
    ]);
  });

  it('recognises the English "On … wrote:" and a quote with no attribution at all', () => {
    expect(splitQuotes('Ok.\nOn Mon, 30 Nov 2026, An <an@x.vn> wrote:\n> hi')).toEqual([
      { kind: 'text', text: 'Ok.' },
      { kind: 'quote', attribution: 'On Mon, 30 Nov 2026, An <an@x.vn> wrote:', text: 'hi' },
    ]);
    expect(splitQuotes('> chỉ có trích dẫn')).toEqual([
      { kind: 'quote', attribution: null, text: 'chỉ có trích dẫn' },
    ]);
  });

  it('leaves a message without quotes as one block', () => {
    expect(splitQuotes('Kính gửi anh.\n\nTrân trọng.')).toEqual([
      { kind: 'text', text: 'Kính gửi anh.\n\nTrân trọng.' },
    ]);
  });
});

describe('linkifyText', () => {
  it('links the web and mail addresses, with the punctuation after them left as text', () => {
    expect(linkifyText('Xem https://dichvucong.gov.vn/p/home, hỏi hotro@binhphuoc.gov.vn.')).toEqual([
      { kind: 'text', text: 'Xem ' },
      { kind: 'link', text: 'https://dichvucong.gov.vn/p/home', href: 'https://dichvucong.gov.vn/p/home' },
      { kind: 'text', text: ', hỏi ' },
      { kind: 'link', text: 'hotro@binhphuoc.gov.vn', href: 'mailto:hotro@binhphuoc.gov.vn' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('never makes a link of javascript:, data: or file:', () => {
    const pieces = linkifyText(
      "javascript:alert('x') data:text/html,<script>1</script> file:///C:/x //host/x ftp://h/x",
    );
    expect(pieces.filter((p) => p.kind === 'link')).toEqual([]);
  });
});
