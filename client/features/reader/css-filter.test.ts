import { describe, expect, it } from 'vitest';
import { decodeCssEscapes, filterCss } from './css-filter';

const resolveCid = (cid: string) =>
  cid === 'nen@sttt' ? '/api/mailboxes/INBOX/messages/1/attachments/3?inline=1' : null;
const blocked = { resolveCid, allowRemote: false };
const allowed = { resolveCid, allowRemote: true };

describe('filterCss', () => {
  it('keeps ordinary newsletter CSS as written', () => {
    const css = 'td{color:#222;font:14px/1.4 Arial,sans-serif;padding:8px}h2{margin:0 0 8px}';
    expect(filterCss(css, blocked)).toEqual({ css, blockedRemote: 0, remote: 0 });
  });

  it('holds back remote url() until allowed, then writes the canonical https URL', () => {
    expect(filterCss('div{background:url( //cdn.example/a.png )}', blocked)).toEqual({
      css: 'div{background:none}',
      blockedRemote: 1,
      remote: 1,
    });
    expect(filterCss("div{background:url('//cdn.example/a.png')}", allowed).css).toBe(
      'div{background:url("https://cdn.example/a.png")}',
    );
  });

  it('resolves cid: backgrounds to the part URL and drops relative ones (the webmail itself)', () => {
    expect(filterCss('p{background:url(cid:nen@sttt)} q{background:url(/api/session)}', blocked).css).toBe(
      'p{background:url("/api/mailboxes/INBOX/messages/1/attachments/3?inline=1")} q{background:none}',
    );
  });

  it('fails closed on what pattern matching cannot see: escaped url(, @import, expression()', () => {
    for (const css of [
      'a{background:\\75rl(https://t.example/x.png)}',
      'a{background:u\\72l(https://t.example/x.png)}',
      '@\\69mport "https://t.example/s.css";',
      'a{width:expression(alert(1))}',
      'a{-moz-binding:url(https://t.example/x.xml#b)}',
    ]) {
      const out = filterCss(css, allowed);
      expect(out.css, css).toBe('');
      expect(out.blockedRemote, css).toBeGreaterThan(0);
    }
  });

  it('never keeps @import or image-set, even when remote content is allowed', () => {
    const out = filterCss(
      '@import url(https://t.example/s.css); a{background:image-set("https://t.example/a.png" 1x)}',
      allowed,
    );
    expect(out.css).toBe(' a{background:none}');
  });

  it('decodes CSS escapes as the browser does', () => {
    expect(decodeCssEscapes('\\75 rl(\\68ttps:')).toBe('url(https:');
    expect(decodeCssEscapes('\\000075rl')).toBe('url');
  });
});
