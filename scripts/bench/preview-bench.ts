import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildDocx, buildXlsx, paragraph, picture } from '../../proxy/attachment-preview/office-fixtures';

/**
 * npx tsx scripts/bench/preview-bench.ts
 *
 * The cost of an attachment preview on the proxy: a 5 MB .docx (a letter's text and four pictures
 * of 1.2 MB) and a 10,000-row .xlsx (10 columns), each converted three times in a fresh process
 * (preview-convert.ts). Prints the median time and the largest peak RSS above the process's RSS
 * before the conversion, as a row of docs/performance.md.
 */
const MB = 1024 * 1024;
const dir = mkdtempSync(path.join(tmpdir(), 'preview-bench-'));

async function inputs() {
  const pictures = [1, 2, 3, 4].map((i) => picture(`rIdImg${i}`)).join('');
  const text = Array.from({ length: 400 }, (_, i) =>
    paragraph(
      `${i + 1}. Sở Thông tin và Truyền thông đề nghị các đơn vị rà soát danh sách cán bộ, công chức sử dụng hộp thư công vụ và gửi về Sở trước ngày 15/12/2026.`,
    ),
  ).join('');
  const docx = await buildDocx(text + pictures, {
    rels: [1, 2, 3, 4].map((i) => ({
      id: `rIdImg${i}`,
      type: 'image' as const,
      target: `media/image${i}.png`,
    })),
    // Random bytes do not compress, as real photographs and scans do not.
    extra: Object.fromEntries([1, 2, 3, 4].map((i) => [`word/media/image${i}.png`, randomBytes(1.2 * MB)])),
  });
  const xlsx = await buildXlsx(10_000, 10);
  writeFileSync(path.join(dir, 'letter.docx'), docx);
  writeFileSync(path.join(dir, 'list.xlsx'), xlsx);
  return { docx: docx.length, xlsx: xlsx.length };
}

function run(kind: 'docx' | 'xlsx', file: string) {
  const results = [1, 2, 3].map(() => {
    const out = execFileSync('npx', ['tsx', 'scripts/bench/preview-convert.ts', kind, path.join(dir, file)], {
      encoding: 'utf8',
    });
    return JSON.parse(out.trim().split('\n').at(-1)!) as { ms: number; peakAboveBefore: number };
  });
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  return { ms: times[1]!, peak: Math.max(...results.map((r) => r.peakAboveBefore)) };
}

try {
  const sizes = await inputs();
  const docx = run('docx', 'letter.docx');
  const xlsx = run('xlsx', 'list.xlsx');
  const mb = (n: number) => `${(n / MB).toFixed(1)} MB`;
  console.log('| file | size | conversion (median of 3) | peak RSS above the start |');
  console.log('| --- | --- | --- | --- |');
  console.log(
    `| .docx, text and four pictures | ${mb(sizes.docx)} | ${Math.round(docx.ms)} ms | ${mb(docx.peak)} |`,
  );
  console.log(
    `| .xlsx, 10,000 rows × 10 columns (1,000 shown) | ${mb(sizes.xlsx)} | ${Math.round(xlsx.ms)} ms | ${mb(xlsx.peak)} |`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
