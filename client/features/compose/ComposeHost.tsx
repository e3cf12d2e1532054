import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageDetail } from '../../../common/contract';
import { COMPOSE_EVENT, type ComposeEventDetail, type ComposeSource, useComposeStore } from './compose-store';
import './compose-host.css';

/**
 * The part of compose in the first bundle: buttons that open windows and the host that loads the
 * compose chunk (TipTap and all) the first time a window opens.
 */
const loadDock = () => import('./ComposeDock');
const ComposeDock = lazy(loadDock);
/** Fetched ahead when the pointer or focus reaches a compose button, so the window opens at once. */
export const preloadCompose = () => void loadDock().catch(() => undefined);

export function openCompose(source: ComposeSource | null = null) {
  return useComposeStore.getState().open(source);
}

export function ComposeHost({ email }: { email: string }) {
  const setOwner = useComposeStore((s) => s.setOwner);
  const hasWindows = useComposeStore((s) => s.windows.length > 0);

  useEffect(() => setOwner(email), [email, setOwner]);

  // The message list's r / a / f keys.
  useEffect(() => {
    const onCompose = (e: Event) => {
      const detail = (e as CustomEvent<ComposeEventDetail>).detail;
      if (!detail || !['reply', 'replyAll', 'forward'].includes(detail.mode)) return;
      openCompose({ mode: detail.mode, mailbox: detail.mailbox, uid: detail.uid });
    };
    window.addEventListener(COMPOSE_EVENT, onCompose);
    return () => window.removeEventListener(COMPOSE_EVENT, onCompose);
  }, []);

  return (
    <>
      {/* Phones and tablets: the folder pane slides away, so compose floats over the list. */}
      <ComposeButton floating />
      {hasWindows ? (
        <Suspense fallback={null}>
          <ComposeDock />
        </Suspense>
      ) : null}
    </>
  );
}

export function ComposeButton({ floating = false }: { floating?: boolean }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={`button button-primary ${floating ? 'compose-fab' : 'compose-button'}`}
      onPointerEnter={preloadCompose}
      onFocus={preloadCompose}
      onClick={() => openCompose()}
    >
      {t('compose.button')}
    </button>
  );
}

/** Reply, reply all, forward (inline or as an attachment); a draft reopens in compose instead. */
export function ReplyActions({
  mailbox,
  message,
}: {
  mailbox: string;
  message: Pick<MessageDetail, 'uid' | 'flags'>;
}) {
  const { t } = useTranslation();
  const open = (mode: ComposeSource['mode']) => () => openCompose({ mode, mailbox, uid: message.uid });
  const button = (mode: ComposeSource['mode'], label: string) => (
    <button
      type="button"
      className="button small"
      onPointerEnter={preloadCompose}
      onFocus={preloadCompose}
      onClick={open(mode)}
    >
      {label}
    </button>
  );
  if (message.flags.draft)
    return <div className="reply-actions">{button('draft', t('compose.editDraft'))}</div>;
  return (
    <div className="reply-actions">
      {button('reply', t('compose.reply'))}
      {button('replyAll', t('compose.replyAll'))}
      {button('forward', t('compose.forward'))}
      {button('forwardAsAttachment', t('compose.forwardAsAttachment'))}
    </div>
  );
}
