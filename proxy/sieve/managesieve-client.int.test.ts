import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailStackPorts } from '../../scripts/mailstack/paths';
import { type FreshMailbox, freshMailbox } from '../test-support/fresh-mailbox';
import {
  ManageSieveConnection,
  ManageSieveError,
  type ManageSieveServer,
  withManageSieve,
} from './managesieve-client';

const server: ManageSieveServer = {
  host: mailStackPorts.host,
  port: mailStackPorts.managesieve,
  requireTls: false,
  allowInsecureTls: false,
};

describe('ManageSieve client against Dovecot Pigeonhole (RFC 5804)', () => {
  let box: FreshMailbox;
  beforeAll(() => {
    box = freshMailbox('sieve-client');
  });
  afterAll(() => box.remove());

  it('reads the greeting’s capabilities', async () => {
    const conn = await ManageSieveConnection.open(server);
    try {
      expect(conn.capabilities.get('IMPLEMENTATION')).toMatch(/Dovecot/i);
      expect(conn.capabilities.get('SIEVE')).toContain('vacation');
      expect(conn.capabilities.get('SASL')).toContain('PLAIN');
    } finally {
      await conn.logout();
    }
  });

  it('puts, lists, gets (UTF-8, quotes, long text as literals), activates and deletes', async () => {
    const long = `# ${'Công văn "khẩn" \\ '.repeat(200)}\nkeep;\n`;
    await withManageSieve(server, box, async (conn) => {
      expect(await conn.listScripts()).toEqual([]);
      await conn.checkScript('require "fileinto";\nfileinto "Dự án";\n');
      await conn.putScript('thử "một"', long);
      await conn.putScript('hai', 'keep;\n');
      await conn.setActive('hai');
      expect((await conn.listScripts()).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
        { name: 'hai', active: true },
        { name: 'thử "một"', active: false },
      ]);
      expect(await conn.getScript('thử "một"')).toBe(long);
      await conn.setActive('');
      expect((await conn.listScripts()).every((s) => !s.active)).toBe(true);
      await conn.deleteScript('thử "một"');
      await conn.deleteScript('hai');
      expect(await conn.listScripts()).toEqual([]);
    });
  });

  it('reports the server’s reason for a script it cannot compile', async () => {
    await withManageSieve(server, box, async (conn) => {
      const error = await conn.checkScript('if header :nonsense "x" {').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ManageSieveError);
      expect((error as ManageSieveError).response.status).toBe('NO');
      expect((error as ManageSieveError).response.text).toMatch(/error/i);
      const missing = await conn.getScript('khong-co').catch((e: unknown) => e);
      expect((missing as ManageSieveError).response.code).toBe('NONEXISTENT');
    });
  });
  // Last: a failed login makes Dovecot delay the next ones from this address.
  it('refuses a wrong password', async () => {
    await expect(
      withManageSieve(server, { email: box.email, password: 'Sai#MatKhau1' }, async () => 1),
    ).rejects.toBeInstanceOf(ManageSieveError);
  });
});
