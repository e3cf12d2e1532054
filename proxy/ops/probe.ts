import net from 'node:net';
import tls from 'node:tls';

export interface ProbeTarget {
  host: string;
  port: number;
  secure: boolean;
  /** Only for a provider on loopback or a private test network (IMAP_ALLOW_INSECURE_TLS). */
  allowInsecureTls?: boolean;
}

export type ProbeResult = { ok: true; ms: number } | { ok: false; ms: number; error: string };

/**
 * Connects, waits for the server's greeting line and hangs up without logging in: enough to know
 * the provider takes connections and answers (a port that accepts but never greets is a stuck
 * Dovecot or Postfix), without costing a login or touching a mailbox.
 */
export function probeGreeting(
  target: ProbeTarget,
  greeting: RegExp,
  timeoutMs = 3000,
  clock: () => number = performance.now.bind(performance),
): Promise<ProbeResult> {
  const started = clock();
  const elapsed = () => Math.round(clock() - started);
  return new Promise((resolve) => {
    const socket = target.secure
      ? tls.connect({
          host: target.host,
          port: target.port,
          servername: net.isIP(target.host) ? undefined : target.host,
          rejectUnauthorized: !target.allowInsecureTls,
        })
      : net.connect({ host: target.host, port: target.port });
    let settled = false;
    const finish = (result: ProbeResult) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(result);
    };
    let received = '';
    socket.setTimeout(timeoutMs, () => finish({ ok: false, ms: elapsed(), error: 'timeout' }));
    socket.on('error', (err: NodeJS.ErrnoException) =>
      finish({ ok: false, ms: elapsed(), error: err.code ?? 'connection_failed' }),
    );
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (!received.includes('\n')) return;
      finish(
        greeting.test(received)
          ? { ok: true, ms: elapsed() }
          : { ok: false, ms: elapsed(), error: 'bad_greeting' },
      );
    });
    socket.on('end', () => finish({ ok: false, ms: elapsed(), error: 'closed' }));
  });
}

/** IMAP greets with "* OK" (or "* PREAUTH"), SMTP with "220". */
export const IMAP_GREETING = /^\* (OK|PREAUTH)\b/;
export const SMTP_GREETING = /^220[ -]/;
