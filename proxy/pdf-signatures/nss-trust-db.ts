import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runTool, type ToolLimits } from './run-tool';

/**
 * pdfsig checks a signer's chain against an NSS database, never against the system's roots. The
 * proxy makes that database itself from the PEM roots in TRUST_ANCHORS_DIR (the same folder the
 * S/MIME check reads), in the data folder and never in the repository, each root trusted for
 * S/MIME signing only (",C,"): nothing is trusted that the operator did not put there.
 *
 * The database is named after the roots it holds, so adding or removing a PEM file makes a new
 * one on the next verification, without a restart; an empty or unset folder gives an empty
 * database, in which every signer is "untrusted".
 */
export interface TrustDb {
  /** What pdfsig's -nssdir and vfychain's -d take: `sql:<folder>`. */
  nssDir: string;
  /** Changes whenever the set of roots changes (part of the result cache's key). */
  fingerprint: string;
  anchors: number;
}

const PEM = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;

export async function readAnchors(anchorsDir: string | undefined): Promise<Buffer[]> {
  if (!anchorsDir) return [];
  let names: string[];
  try {
    names = (await readdir(anchorsDir)).filter((n) => /\.(pem|crt|cer)$/i.test(n)).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const ders = new Map<string, Buffer>();
  for (const name of names) {
    const text = await readFile(path.join(anchorsDir, name), 'latin1');
    for (const m of text.matchAll(PEM)) {
      const der = Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64');
      ders.set(createHash('sha256').update(der).digest('hex'), der);
    }
  }
  return [...ders.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, der]) => der);
}

const building = new Map<string, Promise<TrustDb>>();

export async function ensureTrustDb(
  anchorsDir: string | undefined,
  dataDir: string,
  limits: ToolLimits,
): Promise<TrustDb> {
  const anchors = await readAnchors(anchorsDir);
  const hash = createHash('sha256');
  for (const der of anchors) hash.update(der);
  const fingerprint = hash.digest('hex').slice(0, 24);
  const dir = path.resolve(dataDir, 'pdf-signatures', `nss-${fingerprint}`);
  if (existsSync(path.join(dir, 'ready')))
    return { nssDir: `sql:${dir}`, fingerprint, anchors: anchors.length };
  let pending = building.get(dir);
  if (!pending) {
    pending = buildDb(dir, anchors, limits).then(() => ({
      nssDir: `sql:${dir}`,
      fingerprint,
      anchors: anchors.length,
    }));
    building.set(dir, pending);
    pending.finally(() => building.delete(dir)).catch(() => {});
  }
  return pending;
}

async function buildDb(dir: string, anchors: Buffer[], limits: ToolLimits): Promise<void> {
  await mkdir(path.dirname(dir), { recursive: true, mode: 0o700 });
  const work = `${dir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  await mkdir(work, { mode: 0o700 });
  try {
    await certutil(['-N', '-d', `sql:${work}`, '--empty-password'], work, limits);
    for (const [i, der] of anchors.entries()) {
      const file = path.join(work, `anchor-${i}.der`);
      await writeFile(file, der);
      const nick = `anchor-${i}-${createHash('sha256').update(der).digest('hex').slice(0, 12)}`;
      await certutil(['-A', '-d', `sql:${work}`, '-n', nick, '-t', ',C,', '-i', file], work, limits);
      await rm(file);
    }
    await writeFile(path.join(work, 'ready'), `${anchors.length}\n`);
    try {
      await rename(work, dir);
    } catch (err) {
      // Another instance on the same data folder made the same database first: use theirs.
      if (!existsSync(path.join(dir, 'ready'))) throw err;
      await rm(work, { recursive: true, force: true });
    }
  } catch (err) {
    await rm(work, { recursive: true, force: true });
    throw err;
  }
}

async function certutil(args: string[], cwd: string, limits: ToolLimits): Promise<void> {
  const r = await runTool('certutil', args, { cwd, limits });
  if (r.code !== 0)
    throw new Error(`certutil ${args[0]} failed (${r.code}): ${r.stderr.trim().slice(0, 300)}`);
}
