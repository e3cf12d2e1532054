import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { appRoot } from '../app-root';

/** The source tarball `npm run build` packed (scripts/build/source-archive.ts), for SOURCE_URL's default. */
export function registerSourceArchive(
  app: FastifyInstance,
  file = path.join(appRoot(), 'dist', 'source.tar.gz'),
) {
  app.get('/source.tar.gz', { schema: { hide: true } }, async (_req, reply) => {
    // Looked up per request: a rebuild replaces it without a restart, like the app's assets.
    if (!existsSync(file)) return reply.status(404).type('text/plain').send('Not found');
    reply.header('content-disposition', 'attachment; filename="hop-thu-cong-vu-source.tar.gz"');
    reply.header('cache-control', 'no-cache');
    return reply.type('application/gzip').send(createReadStream(file));
  });
}
