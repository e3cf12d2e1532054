import { type RateWindow, takeCall } from '../../common/policy/api-client-access';

const WINDOW_MS = 60_000;

/**
 * Calls per minute of each API client, counted in this process (a second proxy instance counts
 * its own: the limit protects the provider from one runaway client, it is no quota to bill).
 */
export function createApiCallLimiter(callsPerMinute: number, now: () => number = Date.now) {
  const windows = new Map<string, RateWindow>();
  return {
    /** null when the call may go; otherwise the seconds to wait. */
    take(clientId: string): number | null {
      const at = now();
      const decision = takeCall(windows.get(clientId), at, callsPerMinute, WINDOW_MS);
      windows.set(clientId, decision.window);
      // Old windows go, so that the map holds only clients of the last minute.
      if (windows.size > 1000)
        for (const [id, w] of windows) if (at - w.start >= WINDOW_MS) windows.delete(id);
      return decision.allowed ? null : decision.retryAfterSeconds;
    },
  };
}

export type ApiCallLimiter = ReturnType<typeof createApiCallLimiter>;
