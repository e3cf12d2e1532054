import type { SenderAuthentication } from '../../common/contract/sender-trust';
import { type AuthResultEntry, parseAuthenticationResults } from './authentication-results';

export interface HeaderLine {
  /** Lower-case field name. */
  key: string;
  /** The whole field as received ("Name: body", folded lines included). */
  line: string;
}

export interface TrustedServer {
  /** The authserv-id the province's own receiving server writes (AUTHSERV_ID). */
  authservId: string;
  /** The province's mail domain: its hosts (and dotless local names) are the province's hops. */
  mailDomain: string;
}

/**
 * The SPF, DKIM and DMARC verdicts of the province's OWN receiving server, or null when it left
 * none. PURE. Only Authentication-Results fields whose authserv-id is ours count, and only those
 * above the first Received field the province did not add (one whose "by" host is not ours):
 * anything below it was written before the message reached us, by anyone. The receiving server
 * must also delete fields claiming our authserv-id from incoming mail (RFC 8601 §5; docs/deploy.md).
 */
export function trustedAuthentication(
  lines: HeaderLine[],
  server: TrustedServer,
): SenderAuthentication | null {
  const ours = server.authservId.toLowerCase();
  const collected: AuthResultEntry[] = [];
  let found = false;
  for (const { key, line } of lines) {
    const body = line.slice(line.indexOf(':') + 1);
    if (key === 'received') {
      if (!isOurHost(receivedBy(body), server)) break;
    } else if (key === 'authentication-results') {
      const parsed = parseAuthenticationResults(body);
      if (parsed?.authservId !== ours) continue;
      found = true;
      collected.push(...parsed.results);
    }
  }
  if (!found) return null;
  return {
    authservId: ours,
    spf: verdict(collected, 'spf'),
    dkim: verdict(collected, 'dkim'),
    dmarc: verdict(collected, 'dmarc'),
  };
}

const RESULTS = ['pass', 'fail', 'softfail', 'neutral', 'none', 'temperror', 'permerror', 'policy'] as const;
type Verdict = (typeof RESULTS)[number];

/** Several results for a method (two DKIM signatures): one pass is enough, as DMARC reads them. */
function verdict(entries: AuthResultEntry[], method: string): Verdict {
  const mine = entries.filter((e) => e.method === method).map((e) => normalise(e.result));
  if (mine.length === 0) return 'none';
  return mine.includes('pass') ? 'pass' : mine[0]!;
}

function normalise(result: string): Verdict {
  // RFC 7001's older names, still written by some servers.
  if (result === 'hardfail') return 'fail';
  if (result === 'error') return 'temperror';
  return (RESULTS as readonly string[]).includes(result) ? (result as Verdict) : 'neutral';
}

/** The host after "by" in a Received field, lower-case; null when there is none. */
export function receivedBy(body: string): string | null {
  const match = /(?:^|[\s)])by\s+([^\s;()]+)/i.exec(body.replace(/\r?\n[ \t]/g, ' '));
  return match ? match[1]!.toLowerCase().replace(/\.$/, '') : null;
}

function isOurHost(host: string | null, server: TrustedServer): boolean {
  if (!host) return false;
  const domain = server.mailDomain.toLowerCase();
  // A dotless name is the machine itself (Dovecot's LMTP writes "by <hostname>").
  return (
    host === server.authservId.toLowerCase() ||
    host === domain ||
    host.endsWith(`.${domain}`) ||
    !host.includes('.') ||
    host.endsWith('.localhost')
  );
}
