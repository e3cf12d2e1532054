import { MailImportParams, MailImportQuery, MailImportReport } from '../contract/mail-import';
import { errorAnswers, route } from '../contract/route';

export const mailImportRoutes = {
  /**
   * multipart/form-data with one or more files (.eml, .zip of .eml, .mbox), read as they stream in
   * and appended to the folder. With `stream=1` the answer is application/x-ndjson: MailImportEvent
   * lines (progress, then the report); otherwise the report alone once everything is read.
   */
  importFiles: route({
    method: 'POST',
    path: '/mailboxes/:mailbox/import',
    tags: ['mailboxes'],
    params: MailImportParams,
    query: MailImportQuery,
    responses: { 200: MailImportReport, ...errorAnswers(400, 401, 404, 413, 415, 503, 507) },
  }),
};
