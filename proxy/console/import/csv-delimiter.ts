const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * Excel writes ";" where the system's list separator is ";" (a Vietnamese or European locale),
 * "," elsewhere, tab for "Unicode Text". The one that splits the first lines into the most
 * columns, counted outside quotes, is the file's.
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = text
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, 10);
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    let count = 0;
    for (const line of lines) {
      let quoted = false;
      for (const ch of line) {
        if (ch === '"') quoted = !quoted;
        else if (ch === d && !quoted) count++;
      }
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}
