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

/**
 * The elements that stick out past the right edge of `container` (the part of the page that
 * scrolls), so that a reader has to scroll sideways to see them. What sits inside its own
 * sideways-scrolling box (a wide table on a phone) is left out: that box scrolls on purpose.
 */
export async function overflowingElements(page: Page, container: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const box = document.querySelector(selector);
    if (!box) return [`no ${selector}`];
    box.scrollLeft = 0;
    window.scrollTo(0, window.scrollY);
    const edge = Math.min(window.innerWidth, box.getBoundingClientRect().left + box.clientWidth) + 1;
    const scrollsItself = (el: Element) => {
      for (let e = el.parentElement; e && e !== box; e = e.parentElement)
        if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(e).overflowX)) return true;
      return false;
    };
    const sticking = Array.from(box.querySelectorAll('*')).filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.right > edge && !scrollsItself(el);
    });
    // The innermost ones name the culprit (the select, the long word), not every box around it.
    return sticking
      .filter((el) => !sticking.some((other) => other !== el && el.contains(other)))
      .map(
        (el) => `${el.tagName.toLowerCase()}.${el.className} “${(el.textContent ?? '').trim().slice(0, 40)}”`,
      );
  }, container);
}
