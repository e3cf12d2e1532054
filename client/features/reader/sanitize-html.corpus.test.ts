/// <reference types="node" />
// This test reads the hostile-mail corpus from disk: it runs in Node (vitest), not in a page.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { frameDocument, sanitizeMailHtml } from './sanitize-html';

/**
 * The public hostile corpus (e2e/fixtures/hostile), decoded as the proxy decodes it (mailparser),
 * through the sanitiser: nothing that runs, and nothing that fetches from anywhere but the
 * message's own parts, survives — neither in the sanitised string nor after the frame re-parses
 * it (mutation XSS lives in that second parse).
 */
const CORPUS = path.resolve(__dirname, '../../../e2e/fixtures/hostile');
const PART_URL = '/api/mailboxes/INBOX/messages/7/attachments/2?inline=1';
const files = readdirSync(CORPUS).filter((f) => f.endsWith('.eml'));
const bodies = new Map<string, string>();

beforeAll(async () => {
  for (const file of files) {
    const parsed = await simpleParser(readFileSync(path.join(CORPUS, file)), {
      skipTextToHtml: true,
      keepCidLinks: true,
    });
    if (typeof parsed.html === 'string') bodies.set(file, parsed.html);
  }
});

const resolveCid = (cid: string) => (cid === 'bieu-trung-28@tin-tuc.hostile.test' ? PART_URL : null);
const OWN = /^(\/api\/mailboxes\/[^\s"']+|data:image\/(png|jpe?g|gif|webp|bmp);base64,[A-Za-z0-9+/=]+)$/;
const REMOTE = /^https?:\/\/[^\s"'\\]+$/;
const FORBIDDEN_ELEMENTS =
  'script,iframe,frame,frameset,object,embed,applet,form,input,button,textarea,base,meta,link,svg,math,noscript,template,video,audio,source,picture,portal';

/** Every way the document could run code or fetch something, as a list of findings. */
function findings(doc: Document, allowRemote: boolean): string[] {
  const found: string[] = [];
  const ok = (url: string) => OWN.test(url) || (allowRemote && REMOTE.test(url));
  for (const el of doc.body.querySelectorAll(FORBIDDEN_ELEMENTS)) found.push(`<${el.localName}>`);
  for (const el of doc.body.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value;
      if (name.startsWith('on')) found.push(`${el.localName}[${name}]`);
      if (/(java|vb|live)script:|mocha:|data:text|svg\+xml/i.test(value.replace(/\s/g, '')))
        found.push(`${el.localName}[${name}]=${value.slice(0, 60)}`);
      if ((name === 'src' || name === 'background') && !ok(value)) found.push(`${name}=${value}`);
      if (name === 'srcset')
        for (const c of value.split(/,\s+/)) if (!ok(c.trim().split(/\s+/)[0]!)) found.push(`srcset=${c}`);
      if (name === 'href' && !/^(https?:\/\/|mailto:|tel:|#)/i.test(value)) found.push(`href=${value}`);
      if (name === 'target' && value !== '_blank') found.push(`target=${value}`);
      if (name === 'style') found.push(...cssFindings(value, ok));
    }
    if (el.localName === 'a' && el.hasAttribute('href') && !el.getAttribute('href')!.startsWith('#')) {
      if (el.getAttribute('rel') !== 'noopener noreferrer') found.push(`a without rel: ${el.outerHTML}`);
    }
  }
  for (const style of doc.querySelectorAll('style')) found.push(...cssFindings(style.textContent ?? '', ok));
  return found;
}

function cssFindings(css: string, ok: (url: string) => boolean): string[] {
  const found: string[] = [];
  // An escape the browser would undo could hide a url( from the checks below: none may survive.
  if (/\\/.test(css)) found.push(`css escape: ${css.slice(0, 60)}`);
  if (/@import|expression\(|binding|behavior|image-set/i.test(css)) found.push(`css: ${css.slice(0, 80)}`);
  for (const m of css.matchAll(/url\(\s*"?([^")]*)"?\s*\)/gi)) if (!ok(m[1]!)) found.push(`css url(${m[1]})`);
  return found;
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('the hostile corpus through the sanitiser', () => {
  it('has the files the issue asks for, each saying what it tries', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
    for (const file of files)
      expect(readFileSync(path.join(CORPUS, file), 'latin1'), file).toMatch(/^Comments: \S/);
  });

  it.each(files)('%s: nothing runs or fetches, before or after the frame re-parses it', (file) => {
    const dirty = bodies.get(file);
    if (dirty === undefined) return; // plain-text and attachment-only messages: no HTML to clean
    for (const allowRemote of [false, true]) {
      const { html } = sanitizeMailHtml(dirty, { resolveCid, allowRemote });
      expect(
        findings(parse(`<body>${html}</body>`), allowRemote),
        `${file} allowRemote=${allowRemote}`,
      ).toEqual([]);
      const framed = parse(frameDocument(html, { allowRemote, dark: false, origin: 'http://localhost' }));
      expect(findings(framed, allowRemote), `${file} framed`).toEqual([]);
    }
  });

  it('counts what it held back, so the banner shows for trackers and only for them', () => {
    const blocked = (file: string) => sanitizeMailHtml(bodies.get(file)!, { resolveCid, allowRemote: false });
    expect(blocked('21-tracking-pixels.eml').blockedRemote).toBe(7);
    for (const file of ['14-css-url-and-import.eml', '16-css-escapes-comments.eml', '17-srcset-picture.eml'])
      expect(blocked(file).blockedRemote, file).toBeGreaterThan(0);
    expect(blocked('01-script-tags.eml').blockedRemote).toBe(0);
  });

  it('keeps what a reader needs: the cid logo, a raster data: image, links to the real target', () => {
    const cid = sanitizeMailHtml(bodies.get('28-multipart-related-cid.eml')!, {
      resolveCid,
      allowRemote: false,
    });
    expect(parse(cid.html).querySelector('#mail-cid-logo')?.getAttribute('src')).toBe(PART_URL);
    expect(cid.blockedRemote).toBe(1);
    const data = sanitizeMailHtml(bodies.get('05-data-urls.eml')!, { resolveCid, allowRemote: false });
    expect(parse(data.html).querySelector('img[alt="ô vuông"]')?.getAttribute('src')).toMatch(
      /^data:image\/png/,
    );
    const links = parse(
      sanitizeMailHtml(bodies.get('32-links-phishing.eml')!, { resolveCid, allowRemote: false }).html,
    );
    const phishing = links.querySelector('a[href^="https://thue.gov.vn.hostile.test"]')!;
    expect(phishing.getAttribute('title')).toBe('https://thue.gov.vn.hostile.test/dang-nhap');
    expect(phishing.nextElementSibling?.textContent).toBe(' (thue.gov.vn.hostile.test)');
    expect(links.querySelector('area')?.getAttribute('target')).toBe('_blank');
    expect(links.querySelector('a[href="/api/session"]')).toBeNull();
  });

  it('shows remote pictures of the newsletter once allowed, as plain https URLs', () => {
    const { html, blockedRemote } = sanitizeMailHtml(bodies.get('21-tracking-pixels.eml')!, {
      resolveCid,
      allowRemote: true,
    });
    expect(blockedRemote).toBe(0);
    const srcs = [...parse(html).querySelectorAll('img')].map((i) => i.getAttribute('src'));
    expect(srcs).toContain('https://img.hostile.test/21/logo.png');
    // "https:host" resolves against the webmail's own https origin in production: never fetched.
    expect(srcs.filter((s) => s?.includes('no-slashes'))).toEqual([]);
    expect(srcs).toContain('https://img.hostile.test/21/upper.png');
  });
});
