import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeCa, makeLeaf } from '../test-support/test-pki';
import { loadTrustAnchors } from './trust-anchors';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('loadTrustAnchors', () => {
  it('trusts nothing without a folder', async () => {
    expect(await loadTrustAnchors(undefined)).toEqual({ anchors: [], intermediates: [], skipped: [] });
  });

  it('reads roots (PEM and DER), keeps others as intermediates, and names the files it skips', async () => {
    const root = await makeCa({ name: 'Root A' });
    const other = await makeCa({ name: 'Root B' });
    const intermediate = await makeLeaf(root, { ca: true });
    const dir = mkdtempSync(path.join(tmpdir(), 'bp-anchors-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'a-root.pem'), root.certPem + intermediate.certPem);
    writeFileSync(path.join(dir, 'b-root.cer'), Buffer.from(other.cert.rawData));
    writeFileSync(path.join(dir, 'c-key.pem'), root.keyPem);
    writeFileSync(path.join(dir, 'd-notes.txt'), 'ghi chú');
    writeFileSync(path.join(dir, '.hidden'), 'x');
    const store = await loadTrustAnchors(dir);
    expect(store.anchors.map((c) => c.subject).sort()).toEqual(
      [root.cert.subject, other.cert.subject].sort(),
    );
    expect(store.intermediates.map((c) => c.subject)).toEqual([intermediate.cert.subject]);
    expect(store.skipped.map((s) => s.file)).toEqual(['c-key.pem', 'd-notes.txt']);
  });

  it('reports a folder it cannot read instead of failing the start', async () => {
    const store = await loadTrustAnchors('/nonexistent/trust-anchors');
    expect(store.anchors).toEqual([]);
    expect(store.skipped).toHaveLength(1);
  });
});
