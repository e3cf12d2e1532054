import { PartParams } from '../contract/messages';
import { PdfSignatureReport } from '../contract/pdf-signatures';
import { errorAnswers, route } from '../contract/route';

/**
 * Đ14.2h: the signatures of one PDF attachment, verified by the proxy. The reader asks for it
 * lazily, once per PDF chip, before anyone opens the file.
 */
export const pdfSignatureRoutes = {
  get: route({
    method: 'GET',
    path: '/mailboxes/:mailbox/messages/:uid/attachments/:part/signatures',
    tags: ['messages'],
    params: PartParams,
    responses: { 200: PdfSignatureReport, ...errorAnswers(401, 404, 413, 415, 502, 503) },
  }),
};
