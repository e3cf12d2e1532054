import { cleanup } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { DEFAULT_VACATION } from '../../common/contract/sieve';
import { settingsRoutes } from '../../common/routes/account';
import { contactsRoutes } from '../../common/routes/contacts';
import { malwareRoutes } from '../../common/routes/malware';
import { pdfSignatureRoutes } from '../../common/routes/pdf-signatures';
import { sieveRoutes } from '../../common/routes/sieve';
import { noticeRoutes } from '../../common/routes/site';
import { apiPattern } from './api-pattern';

/** msw answers the client's /api calls in component tests; the proxy itself is tested for real. */
// The user's saved settings: none (every feature's default) unless a test says otherwise.
export const server = setupServer(
  http.get(apiPattern(settingsRoutes.get), () => HttpResponse.json({})),
  // No planned outage (Đ8.1c) unless a test announces one.
  http.get(apiPattern(noticeRoutes.list), () => HttpResponse.json({ notices: [] })),
  // PDF attachments carry no signature (Đ14.2h) unless a test signs one.
  http.get(apiPattern(pdfSignatureRoutes.get), () =>
    HttpResponse.json({
      status: 'not_signed',
      outcome: null,
      signatures: [],
      checkedAt: '2026-12-07T05:00:00.000Z',
    }),
  ),
  // Đ8.2b: no malware verdict on any attachment unless a test gives one.
  http.get(apiPattern(malwareRoutes.attachmentVerdicts), () => HttpResponse.json({ attachments: [] })),
  // An empty address book unless a test fills one.
  http.get(apiPattern(contactsRoutes.list), () => HttpResponse.json({ contacts: [], groups: [] })),
  // No out-of-office and no filters (the vacation banner asks on every screen) unless a test sets them.
  http.get(apiPattern(sieveRoutes.get), () =>
    HttpResponse.json({
      rules: { vacation: DEFAULT_VACATION, filters: [] },
      otherActiveScript: null,
      webmailScriptActive: false,
    }),
  ),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());
