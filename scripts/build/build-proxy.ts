import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/**
 * The proxy as plain JavaScript for `npm start` (node, no TypeScript loader in production).
 * Its own code and common/ are bundled into one ES module: the sources use extensionless imports
 * and JSON import attributes that Node's ESM loader would not take from a plain tsc emit.
 * Packages stay external, installed by `npm ci --omit=dev` beside it.
 */
export async function buildProxy(outdir = 'dist/proxy') {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: ['proxy/main.ts'],
    outdir,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    sourcemap: true,
    logLevel: 'warning',
  });
}

// Run as a script (npm run build); imported, it only builds where it is told (the two-instance test).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildProxy();
