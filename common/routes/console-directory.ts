import { DirectoryExportQuery, DirectoryListing, DirectoryQuery } from '../contract/console-directory';
import { errorAnswers, route } from '../contract/route';

const errors = errorAnswers(401, 403, 404);

const exportAs = <const F extends 'csv' | 'xlsx' | 'html'>(format: F) =>
  route({
    method: 'GET',
    path: `/console/directory/export.${format}`,
    tags: ['console'],
    query: DirectoryExportQuery,
    responses: { 200: null, ...errors },
  });

/** The province directory (Đ5.1) and each unit's list to publish (Đ12.5), as plain GET links. */
export const consoleDirectoryRoutes = {
  listing: route({
    method: 'GET',
    path: '/console/directory',
    tags: ['console'],
    query: DirectoryQuery,
    responses: { 200: DirectoryListing, ...errors },
  }),
  /** One per DirectoryExportFormat. */
  export: { csv: exportAs('csv'), xlsx: exportAs('xlsx'), html: exportAs('html') },
};
