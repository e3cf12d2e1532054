import { render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { parseTerms } from '../../../common/policy/search-terms';
import { PlainTextBody } from '../reader/PlainTextBody';
import { highlightPhrases, markHtmlText } from './highlight';
import { useSearchStore } from './search-store';

describe('marking hits in a sanitised mail body', () => {
  it('marks text nodes only, across elements, leaving attributes, links and styles alone', () => {
    const html =
      '<style>p.cong-van{color:red}</style><p class="cong-van" title="cong van">Về <b>công văn</b> số 88 của ' +
      '<a href="https://x.vn/cong-van" rel="noopener noreferrer" target="_blank">Ủy ban</a> nhân dân</p>';
    const out = markHtmlText(html, parseTerms('cong van, uy ban'));
    const doc = new DOMParser().parseFromString(out, 'text/html');
    expect([...doc.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['công văn', 'Ủy ban']);
    expect(doc.querySelector('style')?.textContent).toBe('p.cong-van{color:red}');
    expect(doc.querySelector('p')?.getAttribute('title')).toBe('cong van');
    expect(doc.querySelector('a')?.getAttribute('href')).toBe('https://x.vn/cong-van');
    expect(doc.querySelector('mark')?.getAttribute('style')).toContain('background-color');
  });

  it('never turns text that looks like markup into markup', () => {
    const html = '<p>cong van &lt;img src=x onerror=alert(1)&gt;</p>';
    const out = markHtmlText(html, parseTerms('cong van'));
    const doc = new DOMParser().parseFromString(out, 'text/html');
    expect(doc.querySelector('img')).toBeNull();
    expect(doc.body.textContent).toBe('cong van <img src=x onerror=alert(1)>');
  });

  it('returns the HTML as it was when nothing is searched or found', () => {
    const html = '<p>Lịch công tác</p>';
    expect(markHtmlText(html, [])).toBe(html);
    expect(markHtmlText(html, parseTerms('cong van'))).toBe(html);
  });

  it('takes the box’s phrases everywhere and each field’s own criterion there only', () => {
    const params = { q: 'cong van', from: 'dang', subject: 'khan' };
    expect(highlightPhrases(params, 'from')).toEqual(['cong van', 'dang']);
    expect(highlightPhrases(params, 'subject')).toEqual(['cong van', 'khan']);
    expect(highlightPhrases(params, 'body')).toEqual(['cong van']);
    expect(highlightPhrases(null, 'body')).toEqual([]);
  });
});

describe('marking hits in a plain-text body', () => {
  afterEach(() => useSearchStore.getState().clear());

  it('marks the running search’s words and leaves links whole', () => {
    useSearchStore.getState().run({ q: 'cong van' });
    const { container } = render(
      <PlainTextBody text={'Kính gửi: các phòng\nVề công văn số 88, xem https://x.vn/cong-van'} />,
    );
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['công văn']);
    expect(container.querySelector('a')?.textContent).toBe('https://x.vn/cong-van');
  });

  it('marks nothing when nothing is searched', () => {
    const { container } = render(<PlainTextBody text="Về công văn số 88" />);
    expect(container.querySelector('mark')).toBeNull();
  });
});
