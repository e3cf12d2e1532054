import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

// package.json promises Node 20 and 22+; npm only warns when a dependency asks for more, so a
// minor upgrade can quietly ship code that needs Node 22 to machines that run 20. This holds the
// promise: every installed package must accept the lowest version of each promised range.
const root = path.resolve(__dirname, '../..');
const promised: string = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).engines.node;

function* installedPackages(dir: string): Generator<{ name: string; version: string; node?: string }> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const at = path.join(dir, entry.name);
    if (entry.name.startsWith('@')) {
      yield* installedPackages(at);
      continue;
    }
    try {
      const manifest = JSON.parse(readFileSync(path.join(at, 'package.json'), 'utf8'));
      const node = manifest.engines?.node;
      yield {
        name: manifest.name,
        version: manifest.version,
        node: typeof node === 'string' ? node : undefined,
      };
    } catch {
      // a folder without a manifest is not a package
    }
    try {
      yield* installedPackages(path.join(at, 'node_modules'));
    } catch {
      // no nested node_modules
    }
  }
}

describe('the Node versions package.json promises', () => {
  const lowest = promised.split('||').map((range) => semver.minVersion(range.trim())?.version ?? '');

  it('are each the lowest of a range (20.x and 22+)', () => {
    expect(lowest.map((v) => semver.major(v))).toEqual([20, 22]);
  });

  it('are accepted by every installed package', () => {
    const refused = [...installedPackages(path.join(root, 'node_modules'))]
      .filter((p) => p.node && lowest.some((v) => !semver.satisfies(v, p.node as string)))
      .map((p) => `${p.name}@${p.version} wants node ${p.node}`);
    expect(refused).toEqual([]);
  });
});
