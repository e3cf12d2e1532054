import { cleanup } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** msw answers the client's /api calls in component tests; the proxy itself is tested for real. */
// The user's saved settings: none (every feature's default) unless a test says otherwise.
export const server = setupServer(
  http.get('/api/settings', () => HttpResponse.json({})),
  // No planned outage (R-8.1c) unless a test announces one.
  http.get('/api/notices', () => HttpResponse.json({ notices: [] })),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());
