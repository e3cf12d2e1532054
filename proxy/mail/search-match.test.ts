import { describe, expect, it } from 'vitest';
import {
  compileCriteria,
  containsPhrase,
  foldForSearch,
  invariantRuns,
  matchBody,
  matchHeaders,
  parseTerms,
  snippet,
} from './search-match';

describe('foldForSearch', () => {
  it.each([
    ['công văn', 'cong van'],
    ['Điện tử', 'dien tu'],
    ['Ủy ban', 'uy ban'],
    ['Uỷ ban', 'uy ban'], // the old tone placement folds the same
    ['CÔNG VĂN KHẨN', 'cong van khan'],
    ['ĐẶNG VĂN ĐỨC', 'dang van duc'],
    ['Bình Phước', 'binh phuoc'],
    ['Hồ sơ   điện\ttử\n', 'ho so dien tu'],
    ['Số 125/STTT-VP', 'so 125/sttt-vp'],
    ['thanhtv.sttt@binhphuoc.gov.vn', 'thanhtv.sttt@binhphuoc.gov.vn'],
  ])('%s → %s', (input, folded) => {
    expect(foldForSearch(input)).toBe(folded);
  });

  it('folds NFD text (macOS, some web forms) like NFC', () => {
    expect(foldForSearch('Công văn điện tử'.normalize('NFD'))).toBe('cong van dien tu');
  });

  it('folds windows-1258 order (precomposed ô, then the tone as a combining mark)', () => {
    expect(foldForSearch('cô\u0301ng va\u0306n')).toBe('cong van');
  });
});

describe('parseTerms', () => {
  it('keeps words typed together as one phrase', () => {
    expect(parseTerms('Công văn')).toEqual(['cong van']);
  });

  it('splits phrases at commas and quotes', () => {
    expect(parseTerms('công văn, 125')).toEqual(['cong van', '125']);
    expect(parseTerms('"giấy mời" họp')).toEqual(['giay moi', 'hop']);
  });

  it('drops empty and repeated phrases', () => {
    expect(parseTerms(' , Điện tử, dien tu ,, ')).toEqual(['dien tu']);
    expect(parseTerms(undefined)).toEqual([]);
  });
});

describe('containsPhrase', () => {
  it('matches at the start of a word, and may end inside one', () => {
    expect(containsPhrase('cong van so 125', 'cong va')).toBe(true);
    expect(containsPhrase('giay moi so 1252', '125')).toBe(true);
    expect(containsPhrase('thanhtv.sttt@binhphuoc.gov.vn', 'sttt')).toBe(true);
  });

  it('does not match inside a word', () => {
    expect(containsPhrase('ban chi dao', 'an')).toBe(false);
    expect(containsPhrase('ban chi dao, an toan', 'an')).toBe(true);
  });

  it('needs the words in order and together', () => {
    expect(containsPhrase('lich cong tac, van phong', 'cong van')).toBe(false);
  });
});

describe('invariantRuns', () => {
  it('finds the pieces no tone can change, longest first', () => {
    expect(invariantRuns('cong van so 125')).toEqual(['125']);
    expect(invariantRuns('so 4040/snv')).toEqual(['4040/snv']);
    expect(invariantRuns('thanhtv.sttt')).toEqual(['nhtv.sttt']);
  });

  it('finds nothing in words made of vowels, d (it may be đ) and short consonant groups', () => {
    expect(invariantRuns('cong van')).toEqual([]);
    expect(invariantRuns('ubnd')).toEqual([]);
    expect(invariantRuns('dien tu')).toEqual([]);
  });
});

describe('matchHeaders / matchBody', () => {
  const headers = {
    from: foldForSearch('Đặng Văn Đức <ducdv.ubnd@binhphuoc.gov.vn>'),
    to: foldForSearch('Trần Văn Thanh <thanhtv.sttt@binhphuoc.gov.vn>'),
    subject: foldForSearch('Báo cáo điện tử tháng 11'),
    attachmentNames: foldForSearch('Quyết định 45.pdf'),
  };

  it('accepts when every field criterion holds', () => {
    const c = compileCriteria({ from: 'dang van', subject: 'bao cao', to: 'thanhtv' });
    expect(matchHeaders(c, headers)).toEqual({ kind: 'matched' });
  });

  it('rejects on one failing field', () => {
    expect(matchHeaders(compileCriteria({ from: 'tran' }), headers)).toEqual({ kind: 'rejected' });
    expect(matchHeaders(compileCriteria({ subject: 'giay moi' }), headers)).toEqual({ kind: 'rejected' });
  });

  it('lets q match any header or an attachment name', () => {
    expect(matchHeaders(compileCriteria({ q: 'quyet dinh 45' }), headers)).toEqual({ kind: 'matched' });
    expect(matchHeaders(compileCriteria({ q: 'dien tu' }), headers)).toEqual({ kind: 'matched' });
  });

  it('leaves to the body what the headers lack', () => {
    const verdict = matchHeaders(compileCriteria({ q: 'dien tu, uy ban', body: 'nhan dan' }), headers);
    expect(verdict).toEqual({ kind: 'needs-body', bodyTerms: ['nhan dan'], eitherTerms: ['uy ban'] });
    if (verdict.kind !== 'needs-body') return;
    expect(matchBody(verdict, foldForSearch('Đề nghị Ủy ban nhân dân huyện'))).toBe(true);
    expect(matchBody(verdict, foldForSearch('Đề nghị Ủy ban huyện'))).toBe(false);
  });
});

describe('snippet', () => {
  const body = `${'Kính gửi các phòng ban chuyên môn thuộc Sở. '.repeat(3)}Đề nghị Ủy ban nhân dân huyện gửi báo cáo điện tử trước ngày 25.`;

  it('starts a little before the first match, at a word', () => {
    const s = snippet(body, ['uy ban']);
    expect(s.startsWith('…')).toBe(true);
    expect(s).toContain('Ủy ban nhân dân');
    expect(s.indexOf('Ủy ban')).toBeLessThan(50);
  });

  it('starts at the beginning without a body match, on one line, at most 160 characters', () => {
    const s = snippet(`Dòng một\n\nDòng   hai ${'x'.repeat(300)}`, []);
    expect(s.startsWith('Dòng một Dòng hai')).toBe(true);
    expect(s.length).toBeLessThanOrEqual(160);
    expect(s.endsWith('…')).toBe(true);
  });

  it('finds the match in NFD text too', () => {
    expect(snippet(body.normalize('NFD'), ['dien tu']).normalize('NFC')).toContain('điện tử');
  });
});
