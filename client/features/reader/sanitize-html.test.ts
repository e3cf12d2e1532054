import { describe, expect, it } from 'vitest';
import { frameDocument, sanitizeMailHtml } from './sanitize-html';

const resolveCid = (cid: string) =>
  cid === 'logo@sttt' ? '/api/mailboxes/INBOX/messages/1/attachments/2?inline=1' : null;
const clean = (html: string, allowRemote = false) => sanitizeMailHtml(html, { resolveCid, allowRemote });

describe('sanitizeMailHtml', () => {
  it('removes scripts, event handlers and javascript: links', () => {
    const { html } = clean(
      '<p onclick="x()">Chào</p><script>alert(1)</script><img src=x onerror="alert(1)"><a href="javascript:alert(1)">bấm</a>',
    );
    expect(html).not.toMatch(/script|onclick|onerror|javascript:/i);
    expect(html).toContain('Chào');
  });

  it('removes forms, base, meta, svg, iframes and objects', () => {
    const { html } = clean(
      '<form action="https://evil"><input name=p></form><base href="https://evil/"><meta http-equiv="refresh" content="0;url=https://evil"><svg><script>1</script></svg><iframe src="https://evil"></iframe><object data="x"></object>',
    );
    expect(html).not.toMatch(/<form|<input|<base|<meta|<svg|<iframe|<object/i);
  });

  it('holds back remote images, backgrounds, srcset and CSS url() and counts them', () => {
    const { html, blockedRemote } = clean(
      '<img src="https://tracker.example/p.gif"><img srcset="https://t.example/a.png 1x"><table><tr><td background="http://t.example/bg.png">x</td></tr></table><div style="background:url(https://t.example/b.png)">y</div><style>@import url(https://t.example/s.css); p{background:url(//t.example/c.png)}</style>',
    );
    expect(html).not.toMatch(/tracker\.example|t\.example/);
    expect(blockedRemote).toBe(5);
  });

  it('shows remote images once the user allows them, but never @import', () => {
    const { html, blockedRemote } = clean(
      '<img src="https://cdn.example/logo.png"><style>@import url(https://t.example/s.css);</style>',
      true,
    );
    expect(html).toContain('https://cdn.example/logo.png');
    expect(html).not.toContain('s.css');
    expect(blockedRemote).toBe(0);
  });

  it('turns cid: images into same-origin URLs of the inline part', () => {
    const { html } = clean('<img src="cid:logo@sttt"><img src="cid:unknown">');
    expect(html).toContain('/api/mailboxes/INBOX/messages/1/attachments/2?inline=1');
    expect(html).not.toContain('cid:unknown');
  });

  it('opens links in a new tab without referrer and shows the real target', () => {
    const { html } = clean('<a href="https://dichvucong.gov.vn/x">Cổng dịch vụ công</a>');
    expect(html).toContain('target="_blank"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain('title="https://dichvucong.gov.vn/x"');
  });

  it('keeps data: raster images but not data: SVG or HTML', () => {
    const { html } = clean(
      '<img src="data:image/png;base64,iVBORw0KGgo="><img src="data:image/svg+xml;base64,PHN2Zz4="><a href="data:text/html,<script>1</script>">x</a>',
    );
    expect(html).toContain('data:image/png');
    expect(html).not.toContain('svg+xml');
    expect(html).not.toContain('data:text/html');
  });
});

describe('frameDocument', () => {
  it('carries a CSP that forbids scripts and, until allowed, remote images', () => {
    const origin = 'https://mail.binhphuoc.gov.vn';
    expect(frameDocument('<p>x</p>', { allowRemote: false, dark: false, origin })).toContain(
      "default-src 'none'; img-src https://mail.binhphuoc.gov.vn/api/mailboxes/ data:; style-src 'unsafe-inline'; font-src data:;",
    );
    expect(frameDocument('<p>x</p>', { allowRemote: true, dark: false, origin })).toContain(
      'img-src https://mail.binhphuoc.gov.vn/api/mailboxes/ data: https: http:',
    );
  });
});
