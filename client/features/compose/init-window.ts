import type { QueryClient } from '@tanstack/react-query';
import type { UserSettings } from '../../../common/contract';
import { settingsRoutes } from '../../../common/routes/account';
import { fetchPrefill } from '../../api/compose';
import { ApiClientError, callApi } from '../../api/http';
import { settingsKeys } from '../../api/keys';
import { toChips } from './address-list';
import { uploadedItems } from './attachments';
import { getComposeWindow, useComposeStore } from './compose-store';
import { initialBody } from './outgoing';

const started = new Set<string>();

export function fetchSettings(queryClient: QueryClient) {
  return queryClient.fetchQuery({
    queryKey: settingsKeys.current,
    queryFn: () => callApi(settingsRoutes.get, {}),
    staleTime: 5 * 60_000,
  });
}

/**
 * Fills a new window: the prefill for a reply, forward or reopened draft (the proxy builds the
 * quote, "Re:"/"Fwd:" and the thread headers, and copies attachments into this window's uploads),
 * and the user's signature. Runs once per window; a failure can be retried.
 */
export async function initWindow(composeId: string, queryClient: QueryClient, retry = false) {
  if (started.has(composeId) && !retry) return;
  started.add(composeId);
  const w = getComposeWindow(composeId);
  if (!w) return;
  const { update } = useComposeStore.getState();
  update(composeId, { error: null });
  try {
    const prefill = w.source ? await fetchPrefill({ ...w.source, composeId }) : null;
    const settings = await fetchSettings(queryClient).catch((): UserSettings => ({}));
    const body = initialBody(prefill, settings.signature, w.source?.mode === 'draft');
    const cc = toChips(prefill?.cc ?? []);
    const bcc = toChips(prefill?.bcc ?? []);
    update(composeId, {
      phase: 'editing',
      to: toChips(prefill?.to ?? []),
      cc,
      bcc,
      showCcBcc: cc.length + bcc.length > 0,
      subject: prefill?.subject ?? '',
      plain: body.plain,
      html: body.html,
      text: body.text,
      editorKey: w.editorKey + 1,
      attachments: uploadedItems(prefill?.attachments ?? []),
      ...(prefill?.inReplyTo ? { inReplyTo: prefill.inReplyTo } : {}),
      ...(prefill?.references ? { references: prefill.references } : {}),
      ...(prefill?.draftUid ? { draftUid: prefill.draftUid } : {}),
      ...(prefill?.replyCaution ? { replyCaution: true } : {}),
    });
  } catch (error) {
    update(composeId, {
      error:
        error instanceof ApiClientError
          ? { code: error.code, details: error.details }
          : { code: 'internal_error', details: {} },
    });
  }
}
