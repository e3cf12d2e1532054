import { simpleParser } from 'mailparser';
import {
  MAIL_IMPORT_FAILURES_LISTED,
  type MailImportFailure,
  type MailImportFileKind,
  type MailImportFileReport,
  type MailImportReport,
} from '../../common/contract';
import { headerSection } from './message-facts';

/** The report of one import, filled in as messages go by. */
export class ImportReportBuilder {
  readonly report: MailImportReport;
  private file: MailImportFileReport | null = null;

  constructor(folder: string) {
    this.report = {
      folder,
      imported: 0,
      duplicates: 0,
      failedCount: 0,
      failures: [],
      files: [],
      stopped: null,
    };
  }

  startFile(name: string, kind: MailImportFileKind): void {
    this.file = { name, kind, imported: 0, duplicates: 0, failed: 0 };
    this.report.files.push(this.file);
  }

  imported(): void {
    this.report.imported++;
    if (this.file) this.file.imported++;
  }

  duplicate(): void {
    this.report.duplicates++;
    if (this.file) this.file.duplicates++;
  }

  failed(failure: MailImportFailure): void {
    this.report.failedCount++;
    if (this.file) this.file.failed++;
    if (this.report.failures.length < MAIL_IMPORT_FAILURES_LISTED) this.report.failures.push(failure);
  }
}

/** The decoded Subject of a message's first bytes, when they can be read (for the report only). */
export async function readableSubject(raw: Buffer): Promise<string | null> {
  try {
    const parsed = await simpleParser(Buffer.from(`${headerSection(raw)}\r\n`, 'latin1'), {
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipImageLinks: true,
    });
    const subject = parsed.subject?.normalize('NFC').trim();
    return subject ? subject.slice(0, 300) : null;
  } catch {
    return null;
  }
}
