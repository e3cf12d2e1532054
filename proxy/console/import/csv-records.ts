import { parse } from 'csv-parse/sync';
import { ApiError } from '../../errors';
import { decodeUnlabelledText, type TextEncoding } from '../../mail/text-decoding';
import { detectDelimiter } from './csv-delimiter';

export interface CsvRecords {
  encoding: TextEncoding;
  /** Each record with the line it starts on (quoted cells may span lines). */
  rows: { line: number; cells: string[] }[];
}

/**
 * A CSV as units make them in Excel or LibreOffice: UTF-8 (with or without BOM), UTF-16 or
 * Windows-1258, its delimiter "," ";" or tab found from the first lines. Throws
 * import_file_unreadable for a binary file or broken quoting.
 */
export function readCsvRecords(bytes: Uint8Array): CsvRecords {
  // A binary file (an old .xls, a PDF) is not a list, whatever cp1258 would make of it.
  if (bytes.subarray(0, 4096).includes(0) && !(bytes[0] === 0xff || bytes[0] === 0xfe)) {
    throw new ApiError('import_file_unreadable');
  }
  const { text, encoding } = decodeUnlabelledText(bytes);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (cause) {
    throw new ApiError('import_file_unreadable', undefined, { cause });
  }
  return { encoding, rows: records.map((r) => ({ line: r.info.lines, cells: r.record })) };
}
