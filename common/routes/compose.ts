import {
  ComposePrefill,
  ContactList,
  ContactQuery,
  DiscardDraftQuery,
  DraftSaved,
  OutgoingMessage,
  PrefillQuery,
  SendResult,
  UploadedAttachment,
  UploadParams,
  UploadQuery,
} from '../contract/compose';
import { errorAnswers, route } from '../contract/route';

const errors = errorAnswers(400, 401, 403, 404, 503);

export const composeRoutes = {
  /** multipart/form-data with one file; the proxy counts its bytes against the cap as they come. */
  upload: route({
    method: 'POST',
    path: '/uploads',
    tags: ['compose'],
    query: UploadQuery,
    responses: { 201: UploadedAttachment, ...errorAnswers(413), ...errors },
  }),
  removeUpload: route({
    method: 'DELETE',
    path: '/uploads/:id',
    tags: ['compose'],
    params: UploadParams,
    query: UploadQuery,
    responses: { 204: null, ...errors },
  }),
  saveDraft: route({
    method: 'POST',
    path: '/drafts',
    tags: ['compose'],
    body: OutgoingMessage,
    responses: { 200: DraftSaved, ...errorAnswers(413, 507), ...errors },
  }),
  /**
   * "Bỏ thư nháp": the window's draft leaves Drafts for good (as Gmail's discard does) and its
   * uploads are dropped; a window never saved only drops its uploads.
   */
  discardDraft: route({
    method: 'DELETE',
    path: '/drafts',
    tags: ['compose'],
    query: DiscardDraftQuery,
    responses: { 204: null, ...errors },
  }),
  /** Keyed by the window's composeId: a repeated send returns the first one's result. */
  send: route({
    method: 'POST',
    path: '/send',
    tags: ['compose'],
    idempotent: true,
    body: OutgoingMessage,
    responses: { 200: SendResult, ...errorAnswers(409, 413, 422, 502), ...errors },
  }),
  prefill: route({
    method: 'GET',
    path: '/compose/prefill',
    tags: ['compose'],
    query: PrefillQuery,
    responses: { 200: ComposePrefill, ...errors },
  }),
  contacts: route({
    method: 'GET',
    path: '/contacts',
    tags: ['compose'],
    query: ContactQuery,
    responses: { 200: ContactList, ...errors },
  }),
};
