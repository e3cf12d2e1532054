import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installed application's folder (the one holding package.json). Files shipped beside the code
 * (config/units.json, LICENSE) are found from here, because the same module runs from proxy/ in
 * development and bundled into dist/proxy/main.js in production, at different depths.
 */
export function appRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = path.dirname(from);
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}
