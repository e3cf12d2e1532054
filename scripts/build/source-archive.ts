import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

/**
 * AGPL §13: users of the webmail over the network are offered its source. The build packs the
 * committed tree it was made from into dist/source.tar.gz, which the proxy serves at
 * /source.tar.gz (the default SOURCE_URL). A deployment with local changes commits them first, or
 * sets SOURCE_URL to where it publishes them.
 */
export function writeSourceArchive(out = 'dist/source.tar.gz'): boolean {
  mkdirSync('dist', { recursive: true });
  try {
    execFileSync('git', ['archive', '--format=tar.gz', '--prefix=hop-thu-cong-vu/', '-o', out, 'HEAD'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return true;
  } catch (err) {
    // Built outside a git checkout (e.g. from a release tarball): that tarball is the source.
    console.warn(`source archive not written (${(err as Error).message.split('\n')[0]}); set SOURCE_URL`);
    return false;
  }
}

writeSourceArchive();
