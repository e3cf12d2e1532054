import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BenchRow, kb } from './results';

export interface JsAsset {
  file: string;
  bytes: number;
  gzip: number;
}

/**
 * The JavaScript a browser must fetch before the app can run: the entry <script> of index.html
 * and every <link rel="modulepreload"> Vite put beside it (the entry's static imports). Chunks
 * behind a dynamic import() (compose, admin…) load later and are listed apart. Built into a
 * temporary folder so the dist/client that the e2e tests serve is left alone.
 */
export function measureInitialJs() {
  const outDir = mkdtempSync(path.join(tmpdir(), 'bp-bench-build-'));
  try {
    execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
    const initialFiles = new Set<string>();
    for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) initialFiles.add(m[1]!);
    for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g))
      initialFiles.add(m[1]!);
    const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) =>
      asset(outDir, m[1]!),
    );
    const all = readdirSync(path.join(outDir, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => asset(outDir, `/assets/${f}`));
    const initial = all.filter((a) => initialFiles.has(a.file));
    const lazy = all.filter((a) => !initialFiles.has(a.file)).sort((a, b) => b.gzip - a.gzip);
    if (initial.length !== initialFiles.size)
      throw new Error('index.html names a script that is not in assets/');
    return { initial, lazy, css };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function asset(outDir: string, href: string): JsAsset {
  const bytes = readFileSync(path.join(outDir, href.replace(/^\//, '')));
  // zlib's default level 6, what nginx's gzip_static files and most CDNs serve.
  return { file: href, bytes: bytes.length, gzip: gzipSync(bytes).length };
}

const sum = (assets: JsAsset[], key: 'bytes' | 'gzip') => assets.reduce((n, a) => n + a[key], 0);

export function initialJsRows(measured: ReturnType<typeof measureInitialJs>): BenchRow[] {
  const initialGzip = sum(measured.initial, 'gzip');
  const allGzip = initialGzip + sum(measured.lazy, 'gzip');
  return [
    {
      name: `Initial JavaScript, gzip (${measured.initial.length} files: entry + modulepreload)`,
      value: `${kb(initialGzip)} (${kb(sum(measured.initial, 'bytes'))} raw)`,
      baseline: `${kb(allGzip)} all JS chunks`,
      ratio: initialGzip / allGzip,
      target: '≤ 200 KB',
      pass: initialGzip <= 200 * 1024,
    },
    {
      name: `Lazy JavaScript, gzip (${measured.lazy.length} chunks, loaded on demand)`,
      value: kb(sum(measured.lazy, 'gzip')),
      baseline: '—',
      ratio: null,
      target: '—',
      pass: null,
    },
    {
      name: 'Initial CSS, gzip',
      value: kb(sum(measured.css, 'gzip')),
      baseline: '—',
      ratio: null,
      target: '—',
      pass: null,
    },
  ];
}

export function assetTable(measured: ReturnType<typeof measureInitialJs>): string {
  const lines = ['| chunk | loaded | raw | gzip |', '|---|---|---|---|'];
  for (const a of measured.initial) lines.push(`| ${a.file} | initially | ${kb(a.bytes)} | ${kb(a.gzip)} |`);
  for (const a of measured.lazy) lines.push(`| ${a.file} | lazily | ${kb(a.bytes)} | ${kb(a.gzip)} |`);
  return lines.join('\n');
}
