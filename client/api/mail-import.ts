import type { MailImportEvent, MailImportProgress, MailImportReport } from '../../common/contract';
import { routeUrl } from '../../common/contract/route';
import { mailImportRoutes } from '../../common/routes/mail-import';
import { ApiClientError, getCsrfToken, toApiError } from './http';

export interface MailImportRun {
  done: Promise<MailImportReport>;
  abort: () => void;
}

/**
 * Sends the files to the folder's import as multipart and follows it: the upload's own progress
 * (bytes sent: the proxy reads them as they come, so this is also how far reading got) and the
 * proxy's NDJSON lines (messages imported, skipped, failed), then the report on the last line.
 * XMLHttpRequest rather than fetch, for the upload progress.
 */
export function startMailImport(input: {
  folder: string;
  files: File[];
  variant: 'mboxrd' | 'mboxo';
  onUpload: (sent: number, total: number) => void;
  onProgress: (progress: MailImportProgress) => void;
}): MailImportRun {
  const xhr = new XMLHttpRequest();
  const done = new Promise<MailImportReport>((resolve, reject) => {
    let read = 0;
    let report: MailImportReport | null = null;
    let failure: ApiClientError | null = null;
    const readLines = () => {
      const text = xhr.responseText;
      const end = text.lastIndexOf('\n');
      if (end < read) return;
      for (const line of text.slice(read, end).split('\n')) {
        if (!line.trim()) continue;
        let event: MailImportEvent;
        try {
          event = JSON.parse(line) as MailImportEvent;
        } catch {
          continue;
        }
        if (event.type === 'progress') input.onProgress(event);
        else if (event.type === 'report') report = event.report;
        else failure = new ApiClientError(event.error.code, 500, event.error.details ?? {});
      }
      read = end + 1;
    };
    xhr.open(
      mailImportRoutes.importFiles.method,
      routeUrl(
        mailImportRoutes.importFiles,
        { mailbox: input.folder },
        { mbox: input.variant, stream: true },
      ),
    );
    xhr.setRequestHeader('accept', 'application/x-ndjson, application/json');
    xhr.setRequestHeader('x-csrf-token', getCsrfToken());
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => input.onUpload(e.loaded, e.lengthComputable ? e.total : 0);
    xhr.onprogress = () => {
      if (xhr.status === 200) readLines();
    };
    xhr.onload = () => {
      if (xhr.status !== 200) {
        let data: unknown = null;
        try {
          data = JSON.parse(xhr.responseText);
        } catch {
          // not JSON: a proxy in front answered
        }
        reject(toApiError(xhr.status, data));
        return;
      }
      readLines();
      if (report) resolve(report);
      else reject(failure ?? new ApiClientError('network', 0));
    };
    xhr.onerror = () => reject(new ApiClientError('network', 0));
    xhr.onabort = () => reject(new ApiClientError('network', 0, { aborted: 1 }));
    const form = new FormData();
    for (const file of input.files) form.append('file', file, file.name);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
