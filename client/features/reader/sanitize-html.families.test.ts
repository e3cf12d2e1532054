import { describe, expect, it } from 'vitest';
import { filterCss } from './css-filter';
import { MAIL_SANITIZER_CONFIG } from './mail-allowlist';
import { sanitizeMailHtml } from './sanitize-html';

/**
 * The sanitiser keeps an explicit allowlist: one test per family of what a mail must not do, and
 * what it may keep. Each result is parsed again, as the frame will parse it.
 */
const clean = (html: string) => sanitizeMailHtml(html, { resolveCid: () => null, allowRemote: false }).html;
const doc = (html: string) => new DOMParser().parseFromString(`<body>${clean(html)}</body>`, 'text/html');
const attrs = (html: string) =>
  [...doc(html).body.querySelectorAll('*')].flatMap((el) =>
    [...el.attributes].map((a) => `${el.localName}[${a.name}]`),
  );

describe('the allowlist is explicit', () => {
  it('names its tags and attributes rather than taking DOMPurify defaults', () => {
    expect(MAIL_SANITIZER_CONFIG.ALLOWED_TAGS).toContain('table');
    expect(MAIL_SANITIZER_CONFIG.ALLOWED_ATTR).toContain('bgcolor');
    expect(MAIL_SANITIZER_CONFIG).not.toHaveProperty('USE_PROFILES');
  });

  it('drops a tag or attribute it does not know, as a new browser feature would be', () => {
    expect(clean('<fancy-new-thing>x</fancy-new-thing><p shinyattr="1" inert hidden slot="a">y</p>')).toBe(
      'x<p>y</p>',
    );
  });
});

describe('families of hostile markup', () => {
  it('scripting: scripts, handlers, javascript: and event-like attributes', () => {
    const out = clean(
      '<script>alert(1)</script><p onclick="x()" onmouseover="y()">a</p><a href="javascript:alert(1)">b</a><img src=x onerror=alert(1)><noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    );
    expect(out).not.toMatch(/script|onclick|onmouseover|onerror|javascript:/i);
  });

  it('navigation and download: no download, ping, target other than a new tab', () => {
    const found = attrs(
      '<a href="https://x.example/f.exe" download="hoa-don.pdf" ping="https://t.example/p" target="_top" referrerpolicy="unsafe-url" hreflang="vi">tải</a>',
    );
    expect(found).not.toContain('a[download]');
    expect(found).not.toContain('a[ping]');
    expect(found).not.toContain('a[referrerpolicy]');
    expect(
      doc('<a href="https://x.example/" target="_top">x</a>').querySelector('a')!.getAttribute('target'),
    ).toBe('_blank');
  });

  it('overlay and positioning: popover, fixed or absolute boxes, z-index', () => {
    const found = attrs('<div popover="manual" popovertarget="x" popovertargetaction="show">a</div>');
    expect(found.filter((a) => a.includes('popover'))).toEqual([]);
    const styled = doc(
      '<div style="position:fixed;top:0;left:0;width:100%;height:100%;z-index:2147483647;background:#fff">Đăng nhập lại</div><div style="position: absolute !important; color:red">b</div>',
    );
    const [over, abs] = [...styled.body.querySelectorAll('div')];
    expect(over!.getAttribute('style')).not.toMatch(/position|z-index/);
    expect(over!.getAttribute('style')).toContain('width:100%');
    expect(abs!.getAttribute('style')?.trim()).toBe('color:red');
    expect(clean('<style>.x{position:fixed;z-index:99}</style>')).not.toMatch(/fixed|z-index/);
    expect(clean('<p style="position:relative">ok</p>')).toContain('position:relative');
  });

  it('overlay spelled with CSS escapes fails closed', () => {
    expect(filterCss('posit\\69on:fixed', { resolveCid: () => null, allowRemote: false }).css).toBe('');
    expect(filterCss('z\\-index: 9', { resolveCid: () => null, allowRemote: false }).css).toBe('');
  });

  it('forms: no form, input, button, label, nor form/for attributes', () => {
    const out = clean(
      '<form action="https://x"><label for="p">Mật khẩu</label><input id="p" name="p"><button formaction="https://x">Gửi</button></form><p form="f">x</p>',
    );
    expect(out).not.toMatch(/<form|<input|<button|<label|\sfor=|\sform=|formaction/);
    expect(out).toContain('Mật khẩu');
  });

  it('CSS url() and expression spelled with character references or escapes', () => {
    const out = clean(
      '<div style="background:&#x75;rl(https://t.example/a.png)">a</div><div style="width:&#101;xpression(alert(1))">b</div><p title="&#x75;rl(https://t.example/b)" class="&#106;avascript:x">c</p><div style="background:\\75rl(https://t.example/c.png)">d</div>',
    );
    expect(out).not.toMatch(/t\.example|expression|javascript/i);
    expect(out).toContain('c');
  });

  it('media autoplay: no video, audio, bgsound, marquee or autoplay', () => {
    const out = clean(
      '<video autoplay src="https://t.example/v.mp4"></video><audio autoplay src="a.mp3"></audio><bgsound src="s.wav"><marquee>chạy</marquee><img src="cid:x" autoplay>',
    );
    expect(out).not.toMatch(/<video|<audio|bgsound|<marquee|autoplay/);
  });

  it('ids and names: prefixed ids, no names that become document globals, anchors still work', () => {
    const d = doc(
      '<a href="#muc-2">Mục 2</a><img name="getElementById" src="cid:x"><form name="cookie"></form><h2 id="muc-2">Mục 2</h2><div id="location">x</div><map name="m"><area href="https://x.example/" shape="rect" coords="0,0,1,1"></map><img usemap="#m" src="cid:y">',
    );
    expect(d.querySelector('a')!.getAttribute('href')).toBe('#mail-muc-2');
    expect(d.getElementById('mail-muc-2')!.localName).toBe('h2');
    expect(d.getElementById('mail-location')).not.toBeNull();
    expect(d.querySelector('[id="location"], [name="getElementById"], [name="cookie"]')).toBeNull();
    expect(d.querySelector('map')!.getAttribute('name')).toBe('mail-m');
    expect(d.querySelector('img[usemap]')!.getAttribute('usemap')).toBe('#mail-m');
  });

  it('SVG and MathML never pass', () => {
    const out = clean(
      '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a><animate attributeName="href" to="javascript:alert(1)"/></svg><math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    );
    expect(out).not.toMatch(/<svg|<math|<animate|xlink|onerror|javascript/i);
  });

  it('data- and aria-: data- attributes go, only aria-label and aria-hidden stay', () => {
    const found = attrs(
      '<p data-x="1" data-bind="y" aria-label="Chú thích" aria-hidden="true" aria-describedby="x" aria-live="assertive" role="alert">a</p>',
    );
    expect(found).toEqual(['p[aria-label]', 'p[aria-hidden]']);
  });

  it('keeps what letters need: tables with their layout attributes, fonts, lists, quotes', () => {
    const out = clean(
      '<table width="600" cellpadding="4" bgcolor="#fff" border="0"><tr><td align="center" valign="top" colspan="2"><font face="Arial" color="#333" size="2"><b>Kính gửi</b></font></td></tr></table><ol start="3" type="a"><li>x</li></ol><blockquote type="cite" cite="mid:a@b">q</blockquote>',
    );
    for (const kept of [
      'width="600"',
      'cellpadding="4"',
      'bgcolor="#fff"',
      'valign="top"',
      'colspan="2"',
      'face="Arial"',
      'start="3"',
      'type="cite"',
    ])
      expect(out).toContain(kept);
  });
});
