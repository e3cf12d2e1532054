import { useQueryClient } from '@tanstack/react-query';
import { type DragEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StampHit } from '../../../common/policy/secret-stamps';
import { discardDraft } from '../../api/compose';
import { messageKeys } from '../../api/keys';
import { Banner } from '../../ui/Banner';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useErrorMessage } from '../../ui/ErrorText';
import { useReturnFocus } from '../../ui/return-focus';
import { showToast } from '../../ui/toast-store';
import { attachFiles, uploadsSettled } from './attachments';
import { ComposeAttachments } from './ComposeAttachments';
import { ComposeFields } from './ComposeFields';
import type { ComposeLimits } from './ComposeFooter';
import { ComposeFooter } from './ComposeFooter';
import { ComposeSaveStatus } from './ComposeSaveStatus';
import { useComposeMessages } from './compose-messages';
import { getComposeWindow, useComposeStore, type ComposeWindow as Window } from './compose-store';
import { saveDraftNow, scheduleAutosave, settleDraft } from './draft-saver';
import { initWindow } from './init-window';
import { htmlToText, isBlank, textToHtml } from './outgoing';
import { ReplyDestination } from './ReplyDestination';
import { RichEditor } from './RichEditor';
import { StampWarning } from './StampWarning';
import { startSend } from './send-flow';
import { sendReadiness } from './send-readiness';

/** One message being written, as a panel over the mail screen (full screen on a phone). */
export function ComposeWindow({
  window: w,
  limits,
  onSignature,
}: {
  window: Window;
  limits: ComposeLimits;
  onSignature: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const messages = useComposeMessages();
  const { edit, update, setMinimised, remove } = useComposeStore.getState();
  const id = w.composeId;
  const [stamps, setStamps] = useState<StampHit[] | null>(null);
  const [confirmPlain, setConfirmPlain] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const errorMessage = useErrorMessage();
  const [dragging, setDragging] = useState(false);
  const panel = useRef<HTMLElement>(null);
  useReturnFocus(panel);
  const title = w.subject.trim() || t('compose.newMessage');
  const busy = w.phase !== 'editing';

  useEffect(() => {
    if (w.phase === 'loading') void initWindow(id, queryClient);
  }, [id, w.phase, queryClient]);

  useEffect(() => {
    if (w.phase === 'editing' && w.revision !== w.savedRevision) scheduleAutosave(id);
  }, [id, w.phase, w.revision, w.savedRevision]);

  const send = () => {
    if (busy) return;
    const readiness = sendReadiness(w);
    if (readiness.kind === 'blocked') return update(id, { notice: readiness.notice });
    if (readiness.kind === 'stamped') return setStamps(readiness.hits);
    startSend(id, limits.undoSendSeconds, { queryClient, t });
  };

  const close = async () => {
    if (w.phase === 'loading' || (isBlank(w) && !w.draftUid)) return remove(id);
    update(id, { phase: 'closing' });
    await uploadsSettled(id);
    try {
      await saveDraftNow(id);
      remove(id);
    } catch {
      update(id, { phase: 'editing', minimised: false });
    }
  };

  // "Bỏ thư nháp": no more autosaves, then the saved draft and the uploads go; on failure the
  // window stays with everything in it.
  const discard = async () => {
    setConfirmDiscard(false);
    update(id, { phase: 'closing' });
    await uploadsSettled(id);
    await settleDraft(id);
    try {
      await discardDraft(id, getComposeWindow(id)?.draftUid);
      remove(id);
      // The Drafts folder no longer lists it.
      void queryClient.invalidateQueries({ queryKey: messageKeys.all });
      showToast({ message: t('compose.discarded') });
    } catch (error) {
      update(id, { phase: 'editing', minimised: false });
      showToast({ message: errorMessage(error), tone: 'error' });
    }
  };
  const askDiscard = () => {
    if (busy) return;
    if (isBlank(w) && !w.draftUid) return remove(id);
    setConfirmDiscard(true);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      send();
    } else if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      setMinimised(id, true);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (e.dataTransfer.files.length && !busy)
      attachFiles(id, [...e.dataTransfer.files], limits.attachmentMaxBytes);
  };

  const switchToPlain = () => {
    setConfirmPlain(false);
    edit(id, { plain: true, text: htmlToText(w.html) });
  };
  const switchToRich = () => {
    const html = textToHtml(w.text);
    edit(id, { plain: false, html, editorKey: w.editorKey + 1 });
  };

  return (
    <section
      ref={panel}
      className={`compose-window ${dragging ? 'dragging' : ''}`}
      role="dialog"
      aria-label={t('compose.windowLabel', { title })}
      onKeyDown={onKeyDown}
      onDragOver={(e) => {
        if (![...e.dataTransfer.types].includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <header className="compose-header">
        <h2 className="compose-title">{title}</h2>
        <ComposeSaveStatus window={w} />
        <button
          type="button"
          className="icon-button"
          aria-label={t('compose.minimise')}
          title={t('compose.minimise')}
          onClick={() => setMinimised(id, true)}
        >
          –
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('compose.close')}
          title={t('compose.close')}
          disabled={w.phase === 'closing'}
          onClick={() => void close()}
        >
          ×
        </button>
      </header>
      {w.phase === 'loading' ? (
        <div className="compose-loading">
          {w.error ? (
            <Banner
              tone="error"
              action={
                <button
                  type="button"
                  className="button"
                  onClick={() => void initWindow(id, queryClient, true)}
                >
                  {t('compose.retry')}
                </button>
              }
            >
              {t('compose.loadError')} {messages.error(w.error, false)}
            </Banner>
          ) : (
            <p className="muted" aria-busy="true">
              {t('compose.loading')}
            </p>
          )}
        </div>
      ) : (
        <>
          <ComposeFields window={w} />
          {w.replyCaution ? <ReplyDestination window={w} /> : null}
          <div className="compose-content">
            {w.plain ? (
              <textarea
                className="compose-plain"
                aria-label={t('compose.body')}
                placeholder={t('compose.bodyPlaceholder')}
                value={w.text}
                onChange={(e) => edit(id, { text: e.target.value })}
              />
            ) : (
              <RichEditor
                key={w.editorKey}
                // The window may have been minimised: the editor comes back with what was written.
                initialHtml={w.html}
                autoFocus={
                  w.revision === 0 && (w.source?.mode === 'reply' || w.source?.mode === 'replyAll')
                    ? 'start'
                    : false
                }
                label={t('compose.body')}
                placeholder={t('compose.bodyPlaceholder')}
                onChange={(html, text) => edit(id, { html, text })}
              />
            )}
            {dragging ? <div className="compose-drop">{t('compose.dropHere')}</div> : null}
          </div>
          <ComposeAttachments composeId={id} attachments={w.attachments} limit={limits.attachmentMaxBytes} />
          {w.error ? <Banner tone="error">{messages.error(w.error, true)}</Banner> : null}
          {w.notice ? <Banner tone="warning">{messages.notice(w.notice)}</Banner> : null}
          {w.saveError ? (
            <Banner tone="warning">{t('compose.saveFailed', { reason: t(`errors.${w.saveError}`) })}</Banner>
          ) : null}
          <ComposeFooter
            window={w}
            limits={limits}
            busy={busy}
            title={title}
            onSend={send}
            onPlainToggle={() => (w.plain ? switchToRich() : setConfirmPlain(true))}
            onSignature={onSignature}
            onDiscard={askDiscard}
          />
        </>
      )}
      {stamps ? (
        <StampWarning
          hits={stamps}
          onCancel={() => setStamps(null)}
          onConfirm={() => {
            setStamps(null);
            startSend(id, limits.undoSendSeconds, { queryClient, t });
          }}
        />
      ) : null}
      {confirmDiscard ? (
        <ConfirmDialog
          title={t('compose.discardConfirmTitle')}
          confirmLabel={t('compose.discard')}
          cancelLabel={t('compose.cancel')}
          danger
          onConfirm={() => void discard()}
          onCancel={() => setConfirmDiscard(false)}
        >
          <p>{t('compose.discardConfirm')}</p>
        </ConfirmDialog>
      ) : null}
      {confirmPlain ? (
        <ConfirmDialog
          title={t('compose.plainTextConfirmTitle')}
          confirmLabel={t('compose.plainTextConfirmOk')}
          cancelLabel={t('compose.cancel')}
          onConfirm={switchToPlain}
          onCancel={() => setConfirmPlain(false)}
        >
          <p>{t('compose.plainTextConfirm')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
