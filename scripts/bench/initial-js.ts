import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BenchRow, kb } from './results';

export interface JsAsset {
  file: string;
  bytes: number;
  gzip: number;
  brotli: number;
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

/** Sizes as transferred: the .br and .gz copies the build wrote, which the proxy serves as they are. */
function asset(outDir: string, href: string): JsAsset {
  const file = path.join(outDir, href.replace(/^\//, ''));
  const bytes = statSync(file).size;
  // A file too small to be worth compressing has no copy and goes out raw.
  const copy = (ext: string) => (existsSync(`${file}${ext}`) ? statSync(`${file}${ext}`).size : bytes);
  return { file: href, bytes, gzip: copy('.gz'), brotli: copy('.br') };
}

const sum = (assets: JsAsset[], key: 'bytes' | 'gzip' | 'brotli') => assets.reduce((n, a) => n + a[key], 0);

export function initialJsRows(measured: ReturnType<typeof measureInitialJs>): BenchRow[] {
  const initialGzip = sum(measured.initial, 'gzip');
  const allGzip = initialGzip + sum(measured.lazy, 'gzip');
  return [
    {
      name: `Initial JavaScript as transferred, gzip (${measured.initial.length} files: entry + modulepreload)`,
      value: `${kb(initialGzip)} (${kb(sum(measured.initial, 'bytes'))} raw)`,
      baseline: `${kb(allGzip)} all JS chunks`,
      ratio: initialGzip / allGzip,
      target: '≤ 200 KB',
      pass: initialGzip <= 200 * 1024,
    },
    {
      name: 'Initial JavaScript as transferred, brotli (what browsers accept over HTTPS)',
      value: `${kb(sum(measured.initial, 'brotli'))} (${kb(sum(measured.initial, 'bytes'))} raw)`,
      baseline: `${kb(initialGzip)} gzip`,
      ratio: sum(measured.initial, 'brotli') / initialGzip,
      target: '—',
      pass: null,
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
  const lines = ['| chunk | loaded | raw | gzip | brotli |', '|---|---|---|---|---|'];
  const row = (a: JsAsset, loaded: string) =>
    `| ${a.file} | ${loaded} | ${kb(a.bytes)} | ${kb(a.gzip)} | ${kb(a.brotli)} |`;
  for (const a of measured.initial) lines.push(row(a, 'initially'));
  for (const a of measured.lazy) lines.push(row(a, 'lazily'));
  return lines.join('\n');
}
