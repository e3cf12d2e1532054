import {
  ImportCreateRequest,
  ImportCreateResponse,
  ImportPreview,
  ImportPreviewQuery,
} from '../contract/console-import';
import { errorAnswers, route } from '../contract/route';

const errors = errorAnswers(400, 401, 403, 404, 503);

/** Bulk import of a unit's staff list: the preview creates nothing, create makes the kept rows. */
export const consoleImportRoutes = {
  /** The body is the list itself (multipart/form-data, one file), not JSON. */
  preview: route({
    method: 'POST',
    path: '/console/import/preview',
    tags: ['console'],
    query: ImportPreviewQuery,
    responses: { 200: ImportPreview, ...errorAnswers(413), ...errors },
  }),
  create: route({
    method: 'POST',
    path: '/console/import/create',
    tags: ['console'],
    body: ImportCreateRequest,
    responses: { 200: ImportCreateResponse, ...errors },
  }),
};
