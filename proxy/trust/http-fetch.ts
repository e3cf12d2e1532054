/**
 * One small HTTP exchange with a CA's CRL or OCSP server: plain http (the answers are signed by the
 * CA), a short timeout because the servers may be offline, and a size cap so a hostile or broken
 * server cannot make the proxy hold a huge body. null when no usable answer came.
 */
export async function fetchBounded(
  url: string,
  options: {
    timeoutMs: number;
    maxBytes: number;
    method?: 'GET' | 'POST';
    body?: ArrayBuffer;
    contentType?: string;
  },
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!url.startsWith('http://')) return null;
  try {
    const res = await fetch(url, {
      method: options.method ?? 'GET',
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: 'error',
      ...(options.body ? { body: options.body, headers: { 'content-type': options.contentType ?? '' } } : {}),
    });
    if (!res.ok || !res.body) return null;
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > options.maxBytes) {
      await res.body.cancel();
      return null;
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > options.maxBytes) {
        await reader.cancel();
        return null;
      }
      chunks.push(value);
    }
    return new Uint8Array(Buffer.concat(chunks));
  } catch {
    return null;
  }
}
