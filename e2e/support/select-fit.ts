import type { Page } from 'playwright-core';

/**
 * The options of the page's visible select boxes that the box cuts off ("Ngày n…"): a select shows
 * its chosen option in its own width, so one narrower than the widest option hides the end of it.
 * Each box is measured against a copy of itself left to size to its content, beside it so the
 * same style rules apply; the answer names the box (its label) and its longest option.
 */
export async function clippedSelects(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const clipped: string[] = [];
    for (const select of Array.from(document.querySelectorAll('select'))) {
      if (!select.offsetParent) continue;
      const natural = select.cloneNode(true) as HTMLSelectElement;
      Object.assign(natural.style, {
        position: 'absolute',
        visibility: 'hidden',
        width: 'auto',
        minWidth: '0',
        maxWidth: 'none',
        flex: 'none',
      });
      select.after(natural);
      const needed = natural.getBoundingClientRect().width;
      natural.remove();
      const has = select.getBoundingClientRect().width;
      if (needed > has + 0.5) {
        const longest = Array.from(select.options)
          .map((o) => o.text)
          .sort((a, b) => b.length - a.length)[0];
        const label = Array.from(select.labels?.[0]?.childNodes ?? [])
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent)
          .join('')
          .trim();
        const name = label || select.getAttribute('aria-label') || '?';
        clipped.push(`${name}: “${longest}” needs ${Math.ceil(needed)} px, has ${Math.floor(has)} px`);
      }
    }
    return clipped;
  });
}
