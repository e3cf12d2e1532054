import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { I18nextProvider } from 'react-i18next';
import type { OutgoingMessage, PublicConfig } from '../../common/contract';
import { settingsRoutes } from '../../common/routes/account';
import { composeRoutes } from '../../common/routes/compose';
import { publicConfigRoutes } from '../../common/routes/site';
import { setCsrfToken } from '../api/http';
import { ComposeHost, ReplyActions } from '../features/compose/ComposeHost';
import { useComposeStore } from '../features/compose/compose-store';
import { createI18n } from '../i18n/i18n';
import { Toaster } from '../ui/Toaster';
import { useToasts } from '../ui/toast-store';
import { apiPattern } from './api-pattern';
import { publicConfig } from './fixtures';
import { server } from './setup';

// jsdom does no layout; ProseMirror asks where a click landed and where the caret is.
function stubLayout() {
  if (!document.elementFromPoint) document.elementFromPoint = () => null;
  const rect = () => new DOMRect(0, 0, 0, 0);
  const rects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  if (!Range.prototype.getBoundingClientRect) Range.prototype.getBoundingClientRect = rect;
  if (!Range.prototype.getClientRects) Range.prototype.getClientRects = rects;
}

// msw hands jsdom's File to undici as a plain Blob, so the part's file name arrives as "blob".
// The files the client put in its forms are noted here, in order, to answer as the proxy would.
const sentFiles: { name: string; size: number }[] = [];
function noteFormDataNames() {
  const proto = FormData.prototype as FormData & { __noted?: boolean };
  if (proto.__noted) return;
  const append = proto.append;
  proto.append = function (this: FormData, name: string, value: string | Blob, filename?: string) {
    if (value instanceof File) sentFiles.push({ name: filename ?? value.name, size: value.size });
    return (append as (...args: unknown[]) => void).call(this, name, value, ...(filename ? [filename] : []));
  } as FormData['append'];
  proto.__noted = true;
}
export const nextSentFile = (fallback: File) =>
  sentFiles.shift() ?? { name: fallback.name, size: fallback.size };

/**
 * Compose as the mail screen mounts it (button, host, reader's reply buttons, toaster), with the
 * proxy's compose routes answered by msw. Every request the proxy would get is recorded.
 */
export function renderCompose(
  options: { limits?: Partial<PublicConfig['limits']>; signature?: string } = {},
) {
  const calls = {
    drafts: [] as OutgoingMessage[],
    sends: [] as OutgoingMessage[],
    deletes: [] as string[],
    uploads: [] as { composeId: string; filename: string; size: number; csrf: string | null }[],
  };
  let nextDraftUid = 100;
  server.use(
    http.get(apiPattern(publicConfigRoutes.get), () =>
      HttpResponse.json({ ...publicConfig, limits: { ...publicConfig.limits, ...options.limits } }),
    ),
    http.get(apiPattern(settingsRoutes.get), () =>
      HttpResponse.json(options.signature === undefined ? {} : { signature: options.signature }),
    ),
    http.get(apiPattern(composeRoutes.contacts), () => HttpResponse.json({ contacts: [] })),
    http.post(apiPattern(composeRoutes.saveDraft), async ({ request }) => {
      calls.drafts.push((await request.json()) as OutgoingMessage);
      return HttpResponse.json({ draftUid: ++nextDraftUid });
    }),
    http.post(apiPattern(composeRoutes.send), async ({ request }) => {
      const body = (await request.json()) as OutgoingMessage;
      calls.sends.push(body);
      return HttpResponse.json({
        messageId: '<m@binhphuoc.gov.vn>',
        recipients: (body.to?.length ?? 0) + (body.cc?.length ?? 0) + (body.bcc?.length ?? 0),
        sentCopySaved: true,
        refused: [],
      });
    }),
    http.post(apiPattern(composeRoutes.upload), async ({ request }) => {
      const url = new URL(request.url);
      const file = (await request.formData()).get('file') as File;
      const sent = nextSentFile(file);
      const entry = {
        composeId: url.searchParams.get('composeId') ?? '',
        filename: sent.name.split(/[\\/]/).pop()!,
        size: sent.size,
        csrf: request.headers.get('x-csrf-token'),
      };
      calls.uploads.push(entry);
      return HttpResponse.json(
        {
          id: `up-${calls.uploads.length}`,
          filename: entry.filename,
          contentType: file.type,
          size: entry.size,
        },
        { status: 201 },
      );
    }),
    http.delete(apiPattern(composeRoutes.removeUpload), ({ params }) => {
      calls.deletes.push(String(params.id));
      return new HttpResponse(null, { status: 204 });
    }),
  );
  stubLayout();
  noteFormDataNames();
  sentFiles.length = 0;
  setCsrfToken('csrf-123');
  useComposeStore.getState().reset();
  useToasts.setState({ toasts: [] });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const i18n = createI18n('vi');
  const view = render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <ReplyActions
          mailbox="INBOX"
          message={{ uid: 3, flags: { seen: true, flagged: false, answered: false, draft: false } }}
        />
        <ComposeHost email="thanhtv.sttt@binhphuoc.gov.vn" />
        <Toaster />
      </QueryClientProvider>
    </I18nextProvider>,
  );
  return { ...view, calls, queryClient };
}

/** A file of `size` bytes without allocating them (jsdom's File reads its parts lazily). */
export function bigFile(name: string, size: number, type = 'application/pdf'): File {
  const file = new File(['x'], name, { type });
  Object.defineProperty(file, 'size', { value: size });
  return file;
}
