import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { appSecurityHeaders } from '../http/security-headers';

/** Vite names these by content hash: they never change, the page that names them always may. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built app from staticDir, when there is one (tests of the API run without it).
 * The build leaves .br and .gz beside each text asset (scripts/build/compress-assets.ts);
 * preCompressed picks the one the browser accepts and says so in Content-Encoding and Vary,
 * so nothing is compressed per request.
 */
export async function registerStaticApp(app: FastifyInstance, staticDir: string): Promise<void> {
  const staticRoot = path.resolve(staticDir);
  if (!existsSync(path.join(staticRoot, 'index.html'))) return;
  app.addHook('onRequest', async (req, reply) => {
    if (req.url.startsWith('/api/')) return;
    appSecurityHeaders(reply);
    reply.header('cache-control', 'no-cache');
  });
  await app.register(fastifyStatic, {
    root: staticRoot,
    // wildcard: files are looked up per request, so a rebuilt app is served without a restart.
    wildcard: true,
    index: false,
    preCompressed: true,
    // Its own "max-age=0" would replace ours; setHeaders decides per file instead.
    cacheControl: false,
    setHeaders: (res, file) => {
      const inAssets = path.relative(staticRoot, file).startsWith(`assets${path.sep}`);
      res.header('cache-control', inAssets ? IMMUTABLE : 'no-cache');
    },
  });
  app.get('/', { schema: { hide: true } }, (_req, reply) => reply.sendFile('index.html'));
  // The SPA owns every other page path (deep links such as /thu/INBOX/42); a missing file is a 404.
  app.setNotFoundHandler((req, reply) => {
    const urlPath = req.url.split('?')[0] ?? '';
    // Folder URLs may end like a file ("/thu/Lưu trữ.2023"): only non-app paths can be files.
    const isPage =
      req.method === 'GET' && (urlPath.startsWith('/thu/') || !/\.[a-z0-9]{1,8}$/i.test(urlPath));
    if (!isPage) return reply.status(404).type('text/plain').send('Not found');
    return reply.sendFile('index.html');
  });
}
