import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Socket } from 'node:net';

/**
 * The "remote" side of the hostile corpus: one port on 127.0.0.1 that answers plain HTTP and
 * HTTPS (a self-signed *.hostile.test certificate made for these tests only), so that any request
 * a message makes to *.hostile.test — image, stylesheet, font, frame, form, navigation — arrives
 * here and is counted. Chromium is pointed at it with --host-resolver-rules. Even a connection
 * that sends nothing counts: a leak is a leak.
 */
export interface HostileRemote {
  port: number;
  /** "https://img.hostile.test/21/logo.png" for each request, in arrival order. */
  hits: string[];
  connections: number;
  /** The Chromium flag that sends *.hostile.test here. */
  resolverRule: string;
  reset(): void;
  close(): Promise<void>;
}

const TLS_DIR = new URL('./hostile-tls/', import.meta.url);
/** A 10×10 red PNG: what every image URL of the corpus gets once the reader allows remote images. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAoAAAAKCAIAAAACUFjqAAAAEklEQVR4nGP4z8CAB+GTG8HSALfKY52fTcuYAAAAAElFTkSuQmCC',
  'base64',
);

export async function startHostileRemote(): Promise<HostileRemote> {
  const state = { hits: [] as string[], connections: 0 };
  const answer = (scheme: string) => (req: IncomingMessage, res: ServerResponse) => {
    state.hits.push(`${scheme}://${req.headers.host ?? '?'}${req.url ?? ''}`);
    res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
    res.end(PNG);
  };
  const http = createHttpServer(answer('http'));
  const https = createHttpsServer(
    { key: readFileSync(new URL('key.pem', TLS_DIR)), cert: readFileSync(new URL('cert.pem', TLS_DIR)) },
    answer('https'),
  );
  const sockets = new Set<Socket>();
  const front = createNetServer((socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // Peek at the first byte and put it back: a TLS ClientHello starts with 0x16.
    socket.once('readable', () => {
      const first: Buffer | null = socket.read(1);
      if (!first) return;
      socket.unshift(first);
      (first[0] === 0x16 ? https : http).emit('connection', socket);
    });
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const address = front.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    get hits() {
      return state.hits;
    },
    get connections() {
      return state.connections;
    },
    resolverRule: `--host-resolver-rules=MAP *.hostile.test 127.0.0.1:${address.port}, MAP hostile.test 127.0.0.1:${address.port}`,
    reset() {
      state.hits = [];
      state.connections = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        front.close(() => resolve());
      }),
  };
}
