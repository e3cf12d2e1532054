import { readFileSync } from 'node:fs';
import { DEFAULT_PREVIEW_LIMITS } from '../../proxy/attachment-preview/attachment-previewer';
import { docxToHtml } from '../../proxy/attachment-preview/docx-to-html';
import { xlsxToSheets } from '../../proxy/attachment-preview/xlsx-to-html';

/**
 * One conversion in a process of its own, so that its peak memory is its own: prints the time and
 * the peak RSS above the RSS before the conversion (modules loaded, file read) as JSON.
 */
const [kind, file] = process.argv.slice(2);
const bytes = readFileSync(file!);
const limits = DEFAULT_PREVIEW_LIMITS;
const before = process.memoryUsage().rss;
const started = performance.now();
let size: number;
if (kind === 'docx') size = (await docxToHtml(bytes, limits.zip)).length;
else {
  const book = await xlsxToSheets(
    bytes,
    { ...limits.zip, ...limits.sheet },
    { locale: 'vi', deadline: Date.now() + 60_000 },
  );
  size = book.sheets.reduce((n, s) => n + s.html.length, 0);
}
const ms = performance.now() - started;
const peak = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify({ ms, peakAboveBefore: peak - before, outputChars: size }));
