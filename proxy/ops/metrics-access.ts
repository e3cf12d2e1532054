import { timingSafeEqual } from 'node:crypto';
import net from 'node:net';

/**
 * Who may read /metrics: an address in METRICS_ALLOW (the Prometheus on the same host by default)
 * or anyone with the METRICS_TOKEN bearer token. The address is the request's client address as
 * TRUST_PROXY_HOPS resolves it, so a visitor coming through nginx is not taken for localhost.
 */
export function metricsAccess(settings: { allow: string[]; token: string | undefined }) {
  const allowed = new net.BlockList();
  for (const entry of settings.allow) {
    const [address, bits] = entry.split('/');
    const type = net.isIPv6(address ?? '') ? 'ipv6' : 'ipv4';
    if (!address || !net.isIP(address)) throw new Error(`METRICS_ALLOW: ${entry} is not an address`);
    if (bits === undefined) allowed.addAddress(address, type);
    else allowed.addSubnet(address, Number(bits), type);
  }
  const token = settings.token ? Buffer.from(`Bearer ${settings.token}`) : null;

  return (ip: string, authorization: string | undefined): boolean => {
    if (token && authorization) {
      const given = Buffer.from(authorization);
      if (given.length === token.length && timingSafeEqual(given, token)) return true;
    }
    // "::ffff:127.0.0.1" is how a dual-stack socket shows an IPv4 client.
    const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
    return net.isIPv4(v4) ? allowed.check(v4, 'ipv4') : allowed.check(ip, 'ipv6');
  };
}
