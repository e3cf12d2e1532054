import { useQuery } from '@tanstack/react-query';
import type {
  ComposeMode,
  ComposePrefill,
  Contact,
  DraftSaved,
  OutgoingMessage,
  SendResult,
  UploadedAttachment,
} from '../../common/contract';
import { ApiClientError, apiFetch, getCsrfToken, toApiError } from './http';
import { contactKeys } from './keys';

// Browsers refuse a keepalive request whose body passes 64 KB; a longer draft goes as a normal
// request, which still completes when the tab is only hidden.
const KEEPALIVE_MAX_BYTES = 60 * 1024;

/** Saves the message as its compose window's one draft, replacing `draftUid`. */
export function saveDraft(message: OutgoingMessage, options: { keepalive?: boolean } = {}) {
  const body = JSON.stringify(message);
  const keepalive = options.keepalive === true && new Blob([body]).size <= KEEPALIVE_MAX_BYTES;
  return apiFetch<DraftSaved>('/drafts', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
    keepalive,
  });
}

/** Sends once per composeId: a retry after a lost answer gets the first send's result. */
export function sendMessage(message: OutgoingMessage) {
  return apiFetch<SendResult>('/send', { method: 'POST', json: message });
}

export function fetchPrefill(request: {
  mode: ComposeMode;
  mailbox: string;
  uid: number;
  composeId: string;
}) {
  const q = new URLSearchParams({
    mode: request.mode,
    mailbox: request.mailbox,
    uid: String(request.uid),
    composeId: request.composeId,
  });
  return apiFetch<ComposePrefill>(`/compose/prefill?${q}`);
}

/** "Bỏ thư nháp": the window's saved draft (if any) and its uploads are thrown away. */
export function discardDraft(composeId: string, draftUid: number | undefined) {
  const q = new URLSearchParams({ composeId });
  if (draftUid) q.set('draftUid', String(draftUid));
  return apiFetch<void>(`/drafts?${q}`, { method: 'DELETE' });
}

export function deleteUpload(composeId: string, id: string) {
  return apiFetch<void>(`/uploads/${encodeURIComponent(id)}?composeId=${composeId}`, { method: 'DELETE' });
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
    xhr.open('POST', `/api/uploads?composeId=${composeId}`);
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
      apiFetch<{ contacts: Contact[] }>(`/contacts?q=${encodeURIComponent(q)}`, { signal }).then(
        (r) => r.contacts,
      ),
    enabled: q.length >= 1,
    staleTime: 60_000,
  });
}
