import type { ServerResponse } from 'node:http';
import type { LiveEvent } from '../../common/contract';

/** A client that stops reading (a frozen tab behind a slow link) is cut off rather than buffered. */
const MAX_BUFFERED_BYTES = 256 * 1024;

/**
 * One text/event-stream response (the Server-Sent Events format of the HTML standard): named
 * events whose data is one JSON line, and comment lines as heartbeats.
 */
export function openEventStream(res: ServerResponse, headers: Record<string, unknown>) {
  let ended = false;
  res.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store, no-transform',
    // nginx would otherwise hold events in its buffer until it fills.
    'x-accel-buffering': 'no',
  });
  // The browser reconnects on its own only if told; the client handles that with its own back-off.
  res.write(': live\n\n');
  res.flushHeaders();

  function write(chunk: string) {
    if (ended || res.destroyed) return;
    if (res.writableLength > MAX_BUFFERED_BYTES) {
      end();
      return;
    }
    res.write(chunk);
  }

  function end() {
    if (ended) return;
    ended = true;
    res.end();
  }

  return {
    send(event: LiveEvent) {
      write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    },
    heartbeat() {
      write(': \n\n');
    },
    end,
    get ended() {
      return ended || res.destroyed;
    },
  };
}

export type EventStream = ReturnType<typeof openEventStream>;
