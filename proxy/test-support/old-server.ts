import { execFileSync } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { ImapFlow } from 'imapflow';
import { OLD_SERVER } from '../../scripts/oldserver/old-mailbox';
import { seedOldMailbox } from '../../scripts/oldserver/seed-old-server';
import type { CopyLimits } from '../migration/copy-folder';

const SCRIPT = fileURLToPath(new URL('../../scripts/oldserver/oldserver.sh', import.meta.url));

/** The old server must run (`npm test` starts it; by hand: `bash scripts/oldserver/oldserver.sh start`). */
export function requireOldServer(): void {
  try {
    execFileSync('bash', [SCRIPT, 'status'], { stdio: 'pipe' });
  } catch {
    throw new Error('The old server is not running: bash scripts/oldserver/oldserver.sh start (as root)');
  }
}

/** Messages in an old mailbox now (every selectable folder). */
export async function oldMessageCount(user: string): Promise<number> {
  const client = new ImapFlow({
    host: OLD_SERVER.host,
    port: OLD_SERVER.imapPort,
    secure: false,
    doSTARTTLS: false,
    auth: { user, pass: OLD_SERVER.password },
    logger: false,
  });
  await client.connect();
  try {
    const list = await client.list({ statusQuery: { messages: true } });
    return list.reduce((n, f) => n + (f.status?.messages ?? 0), 0);
  } finally {
    await client.logout();
  }
}

export { seedOldMailbox };

export const fastLimits: CopyLimits = {
  messageMaxBytes: 20 * 1024 * 1024,
  batchMessages: 50,
  batchBytes: 8 * 1024 * 1024,
  pauseMs: 0,
};

/**
 * A TCP relay in front of the old server that cuts a connection once the server has sent
 * `dropAfterBytes` on it; with `once`, only the first connection is cut and later ones pass whole:
 * an old server that drops the connection halfway through a copy.
 */
export async function droppingRelay(dropAfterBytes: number, once = true) {
  let dropped = 0;
  const server = net.createServer((client) => {
    const upstream = net.connect(OLD_SERVER.imapPort, OLD_SERVER.host);
    let sent = 0;
    const cut = !(once && dropped > 0);
    upstream.on('data', (chunk: Buffer) => {
      sent += chunk.length;
      if (cut && sent > dropAfterBytes) {
        dropped++;
        client.destroy();
        upstream.destroy();
        return;
      }
      client.write(chunk);
    });
    client.on('data', (chunk: Buffer) => upstream.write(chunk));
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    get drops() {
      return dropped;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
