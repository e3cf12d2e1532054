import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { zipOf } from '../test-support/mail-files';
import { openZip, UnsafeZipError } from './zip-reader';

const dir = mkdtempSync(path.join(tmpdir(), 'bp-zip-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const onDisk = (name: string, bytes: Buffer) => {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
};

describe('openZip', () => {
  it('lists the entries of a plain archive and inflates one', async () => {
    const zip = await openZip(
      onDisk('ok.zip', await zipOf({ 'thư 1.eml': Buffer.from('From: a@b\r\n\r\nx\r\n') })),
    );
    try {
      expect(zip.entries.map((e) => e.fileName)).toEqual(['thư 1.eml']);
      const chunks: Buffer[] = [];
      for await (const c of await zip.open(zip.entries[0]!)) chunks.push(c as Buffer);
      expect(Buffer.concat(chunks).toString()).toBe('From: a@b\r\n\r\nx\r\n');
    } finally {
      zip.close();
    }
  });

  it('refuses an entry name that climbs out ("../")', async () => {
    // yazl will not write such a name; the bytes are patched afterwards (local and central headers).
    const made = await zipOf({ 'xx/evil.eml': Buffer.from('From: a@b\r\n\r\nx\r\n') });
    const patched = Buffer.from(made.toString('latin1').replaceAll('xx/evil', '../evil'), 'latin1');
    await expect(openZip(onDisk('climb.zip', patched))).rejects.toBeInstanceOf(UnsafeZipError);
  });

  it('refuses bytes that are no archive', async () => {
    await expect(
      openZip(onDisk('bad.zip', Buffer.from('PK\x03\x04 not really', 'latin1'))),
    ).rejects.toMatchObject({
      problem: { reason: 'unreadable' },
    });
  });
});
