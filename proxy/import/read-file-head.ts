/**
 * The first bytes of a stream, to tell its kind, and the whole stream again (those bytes first)
 * for whoever reads it next; nothing beyond the head is held.
 */
export async function readHead(
  source: AsyncIterable<Buffer>,
  headBytes: number,
  onBytes: (n: number) => void,
): Promise<{ head: Buffer; all: AsyncIterable<Buffer> }> {
  const iterator = source[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < headBytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    chunks.push(next.value);
    size += next.value.length;
    onBytes(next.value.length);
  }
  const head = Buffer.concat(chunks);
  const all = (async function* () {
    if (head.length > 0) yield head;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      onBytes(next.value.length);
      yield next.value;
    }
  })();
  return { head: head.subarray(0, headBytes), all };
}

/** Reads the rest of a stream into nothing (a multipart part must be consumed before the next). */
export async function drain(source: AsyncIterable<Buffer>): Promise<void> {
  for await (const _ of source) {
    // discarded
  }
}

/** Up to `max` bytes of a stream; beyond that only the count (and the head) is kept. */
export async function collectCapped(
  source: AsyncIterable<Buffer>,
  max: number,
): Promise<{ bytes: Buffer; size: number } | { tooLarge: true; size: number; head: Buffer }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let head: Buffer | null = null;
  for await (const chunk of source) {
    size += chunk.length;
    if (head) continue;
    chunks.push(chunk);
    if (size > max) {
      head = Buffer.concat(chunks).subarray(0, 64 * 1024);
      chunks.length = 0;
    }
  }
  return head ? { tooLarge: true, size, head } : { bytes: Buffer.concat(chunks), size };
}
