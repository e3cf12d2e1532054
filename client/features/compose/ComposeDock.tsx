import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailboxList } from '../../../common/contract';
import { mailboxKeys, messageKeys } from '../../api/keys';
import { usePublicConfig } from '../../api/public-config';
import { ComposeWindow } from './ComposeWindow';
import { useComposeStore } from './compose-store';
import { hasUnsavedWork, onDraftSaved, saveAllDrafts } from './draft-saver';
import { SignatureDialog } from './SignatureDialog';
import './compose.css';

const FALLBACK_LIMITS = { attachmentMaxBytes: 20 * 1024 * 1024, undoSendSeconds: 5 };

/**
 * The compose chunk's root (loaded on first use, with TipTap): open windows side by side from the
 * right, minimised ones as bars. Hiding or closing the tab saves every changed draft at once.
 */
export default function ComposeDock() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const config = usePublicConfig();
  const windows = useComposeStore((s) => s.windows);
  const setMinimised = useComposeStore((s) => s.setMinimised);
  const [signatureOpen, setSignatureOpen] = useState(false);
  const limits = config.data?.limits ?? FALLBACK_LIMITS;

  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') saveAllDrafts({ keepalive: true });
    };
    const onPageHide = () => saveAllDrafts({ keepalive: true });
    // Only what no save can keep deserves the browser's "leave the page?": files on their way up,
    // a message in its undo delay.
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!hasUnsavedWork()) return;
      saveAllDrafts({ keepalive: true });
      e.preventDefault();
    };
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);

  // The Drafts folder shows the saved draft (one per window) without a reload.
  useEffect(
    () =>
      onDraftSaved(() => {
        const drafts = queryClient
          .getQueryData<MailboxList>(mailboxKeys.all)
          ?.mailboxes.find((b) => b.specialUse === 'drafts');
        if (drafts) void queryClient.invalidateQueries({ queryKey: messageKeys.list(drafts.path) });
      }),
    [queryClient],
  );

  // During the undo delay the window steps aside for the toast; while sending it waits as a bar.
  const visible = windows.filter((w) => w.phase !== 'countdown');
  const open = visible.filter((w) => !w.minimised && w.phase !== 'sending');
  const minimised = visible.filter((w) => w.minimised || w.phase === 'sending');
  return (
    <div className="compose-dock">
      {minimised.length ? (
        <ul className="compose-minimised">
          {minimised.map((w) => {
            const title = w.subject.trim() || t('compose.newMessage');
            return (
              <li key={w.composeId}>
                <button
                  type="button"
                  className="compose-bar"
                  aria-label={t('compose.restore', { title })}
                  onClick={() => setMinimised(w.composeId, false)}
                >
                  {w.phase === 'sending' ? t('compose.sendingNow', { title }) : title}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {open.map((w) => (
        <ComposeWindow
          key={w.composeId}
          window={w}
          limits={limits}
          onSignature={() => setSignatureOpen(true)}
        />
      ))}
      {signatureOpen ? <SignatureDialog onClose={() => setSignatureOpen(false)} /> : null}
    </div>
  );
}
