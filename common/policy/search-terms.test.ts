import { describe, expect, it } from 'vitest';
import { highlightSegments, parseTerms } from './search-terms';

/** The marked pieces as [text] between brackets: "Về [công văn] số 88". */
const marked = (text: string, query: string) =>
  highlightSegments(text, parseTerms(query))
    .map((s) => (s.hit ? `[${s.text}]` : s.text))
    .join('');

describe('highlighting what the search matched, folded as the search folds', () => {
  it.each([
    // Typed without tones, or with them: the same words are marked, tones kept as written.
    ['Công văn số 125 về chuyển đổi số', 'cong van', '[Công văn] số 125 về chuyển đổi số'],
    ['Công văn số 125 về chuyển đổi số', 'công văn', '[Công văn] số 125 về chuyển đổi số'],
    ['cong van khong dau tu dien thoai', 'công văn', '[cong van] khong dau tu dien thoai'],
    // đ folds to d both ways.
    ['Báo cáo điện tử tháng 11', 'dien tu', 'Báo cáo [điện tử] tháng 11'],
    ['ĐẶNG VĂN ĐỨC', 'dang van duc', '[ĐẶNG VĂN ĐỨC]'],
    ['Dang Van Duc', 'đặng', '[Dang] Van Duc'],
    // Both tone placements of "ủy".
    ['Ủy ban nhân dân và Uỷ ban', 'uy ban', '[Ủy ban] nhân dân và [Uỷ ban]'],
    // Word starts only: "an" is not in "ban"; a phrase may end inside a word while typing.
    ['giao ban an toàn', 'an', 'giao ban [an] toàn'],
    ['Công văn', 'cong va', '[Công vă]n'],
    ['số 1252', '125', 'số [125]2'],
    // Several phrases, each marked; the same phrase every time it occurs.
    ['Công văn 125 kèm công văn 88', 'cong van, 88', '[Công văn] 125 kèm [công văn] [88]'],
    // Overlapping phrases make one mark.
    ['Công văn khẩn', '"cong van", "van khan"', '[Công văn khẩn]'],
    // Nothing to mark.
    ['Lịch công tác tuần 48', 'cong van', 'Lịch công tác tuần 48'],
    ['', 'cong van', ''],
    ['Công văn', '', 'Công văn'],
  ])('%j searched for %j → %j', (text, query, shown) => {
    expect(marked(text, query)).toBe(shown);
  });

  it('keeps combining marks (NFD, windows-1258 style) inside the mark', () => {
    const nfd = 'Về công văn số 88'.normalize('NFD');
    const segments = highlightSegments(nfd, parseTerms('cong van'));
    expect(segments.map((s) => s.text).join('')).toBe(nfd);
    expect(segments.find((s) => s.hit)?.text.normalize('NFC')).toBe('công văn');
  });

  it('spans several spaces or a line break where the phrase has one space', () => {
    expect(marked('Công  văn\nsố 5', 'cong van so')).toBe('[Công  văn\nsố] 5');
  });
});
