import { useQuery } from '@tanstack/react-query';
import type { Contact, OutgoingMessage, UploadedAttachment } from '../../common/contract';
import { type RouteQuery, type RouteResult, routeUrl } from '../../common/contract/route';
import { composeRoutes } from '../../common/routes/compose';
import { ApiClientError, apiFetch, callApi, getCsrfToken, toApiError } from './http';
import { contactKeys } from './keys';

// Browsers refuse a keepalive request whose body passes 64 KB; a longer draft goes as a normal
// request, which still completes when the tab is only hidden.
const KEEPALIVE_MAX_BYTES = 60 * 1024;

/** Saves the message as its compose window's one draft, replacing `draftUid`. */
export function saveDraft(message: OutgoingMessage, options: { keepalive?: boolean } = {}) {
  const body = JSON.stringify(message);
  const keepalive = options.keepalive === true && new Blob([body]).size <= KEEPALIVE_MAX_BYTES;
  // Serialised here rather than by callApi: its size decides whether it may go as keepalive.
  const { method, path } = composeRoutes.saveDraft;
  return apiFetch<RouteResult<typeof composeRoutes.saveDraft>>(path, {
    method,
    body,
    headers: { 'content-type': 'application/json' },
    keepalive,
  });
}

/** Sends once per composeId: a retry after a lost answer gets the first send's result. */
export function sendMessage(message: OutgoingMessage) {
  return callApi(composeRoutes.send, { body: message });
}

export function fetchPrefill(request: Required<RouteQuery<typeof composeRoutes.prefill>>) {
  return callApi(composeRoutes.prefill, { query: request });
}

/** "Bỏ thư nháp": the window's saved draft (if any) and its uploads are thrown away. */
export function discardDraft(composeId: string, draftUid: number | undefined) {
  return callApi(composeRoutes.discardDraft, { query: { composeId, draftUid: draftUid || undefined } });
}

export function deleteUpload(composeId: string, id: string) {
  return callApi(composeRoutes.removeUpload, { params: { id }, query: { composeId } });
}

export interface UploadHandle {
  done: Promise<UploadedAttachment>;
  abort: () => void;
}

/**
 * One file to the proxy's upload store. XMLHttpRequest, not fetch: only it reports upload
 * progress. An aborted upload rejects with code 'network' and status 0.
 */
export function uploadAttachment(
  composeId: string,
  file: File,
  onProgress: (loaded: number, total: number) => void,
): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadedAttachment>((resolve, reject) => {
    xhr.open(composeRoutes.upload.method, routeUrl(composeRoutes.upload, undefined, { composeId }));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', getCsrfToken());
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: a proxy in front answered
      }
      if (xhr.status === 201) resolve(data as UploadedAttachment);
      else reject(toApiError(xhr.status, data));
    };
    xhr.onerror = () => reject(new ApiClientError('network', 0));
    xhr.onabort = () => reject(new ApiClientError('network', 0, { aborted: 1 }));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}

/** Address completion: the province's directory and the people this user has written to. */
export function useContacts(query: string) {
  const q = query.trim();
  return useQuery<Contact[]>({
    queryKey: contactKeys.search(q.toLowerCase()),
    queryFn: ({ signal }) =>
      callApi(composeRoutes.contacts, { query: { q } }, { signal }).then((r) => r.contacts),
    enabled: q.length >= 1,
    staleTime: 60_000,
  });
}
