import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressAssets } from '../../scripts/build/compress-assets';
import { type ProxyHarness, startProxy } from '../test-support/proxy-harness';

/** A built app in miniature: the page and a hashed script, compressed as `npm run build` does. */
function builtApp(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bp-static-'));
  mkdirSync(path.join(dir, 'assets'));
  const script = Array.from({ length: 400 }, (_, i) => `export const thu${i} = "Hộp thư ${i}";`).join('\n');
  writeFileSync(path.join(dir, 'assets', 'index-AbC123xy.js'), script);
  writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html lang="vi"><head><script type="module" src="/assets/index-AbC123xy.js"></script></head><body>${'<div></div>'.repeat(200)}</body></html>`,
  );
  compressAssets(dir);
  return dir;
}

describe('the built app as served by the proxy', () => {
  let proxy: ProxyHarness;
  let dir: string;
  beforeAll(async () => {
    dir = builtApp();
    proxy = await startProxy({ STATIC_DIR: dir });
  });
  afterAll(async () => {
    await proxy.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const get = (url: string, acceptEncoding?: string) =>
    proxy.app.inject({
      method: 'GET',
      url,
      headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
    });
  const file = (name: string) => readFileSync(path.join(dir, name));

  it('serves a hashed script brotli-compressed when accepted, immutable for a year', async () => {
    const res = await get('/assets/index-AbC123xy.js', 'gzip, deflate, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.rawPayload.length).toBeLessThan(file('assets/index-AbC123xy.js').length);
    expect(brotliDecompressSync(res.rawPayload).equals(file('assets/index-AbC123xy.js'))).toBe(true);
  });

  it('falls back to gzip, then to the raw file, saying it varies on Accept-Encoding', async () => {
    const gz = await get('/assets/index-AbC123xy.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(file('assets/index-AbC123xy.js'))).toBe(true);
    const raw = await get('/assets/index-AbC123xy.js');
    expect(raw.headers['content-encoding']).toBeUndefined();
    expect(raw.headers.vary).toMatch(/accept-encoding/i);
    expect(raw.rawPayload.equals(file('assets/index-AbC123xy.js'))).toBe(true);
  });

  it('serves the page itself compressed but revalidated on every visit, at / and at deep links', async () => {
    for (const url of ['/', '/thu/INBOX/42']) {
      const res = await get(url, 'br');
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(brotliDecompressSync(res.rawPayload).equals(file('index.html'))).toBe(true);
    }
  });

  it('answers a missing asset with 404', async () => {
    expect((await get('/assets/missing-XYZ.js', 'br')).statusCode).toBe(404);
  });
});
