import { AttachmentPreview } from '../contract/attachment-preview';
import { PartParams } from '../contract/messages';
import { errorAnswers, route } from '../contract/route';

/** A .docx, .xlsx or forwarded message attachment converted for showing in the page. */
export const attachmentPreviewRoutes = {
  get: route({
    method: 'GET',
    path: '/mailboxes/:mailbox/messages/:uid/attachments/:part/preview',
    tags: ['messages'],
    params: PartParams,
    responses: { 200: AttachmentPreview, ...errorAnswers(401, 404, 413, 415, 422, 503) },
  }),
};
