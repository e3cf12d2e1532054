import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon';
import { SignToggle } from '../signing/SignToggle';
import { TemplateMenu } from '../templates/TemplateMenu';
import { attachFiles } from './attachments';
import type { ComposeWindow as Window } from './compose-store';

/** What the deployment allows a message (public config). */
export interface ComposeLimits {
  attachmentMaxBytes: number;
  undoSendSeconds: number;
}

/** Send, attach, plain text, signing, templates, signature and discard. */
export function ComposeFooter({
  window: w,
  limits,
  busy,
  title,
  onSend,
  onPlainToggle,
  onSignature,
  onDiscard,
}: {
  window: Window;
  limits: ComposeLimits;
  busy: boolean;
  title: string;
  onSend: () => void;
  onPlainToggle: () => void;
  onSignature: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <footer className="compose-footer">
      <button
        type="button"
        className="button button-primary"
        onClick={onSend}
        disabled={busy}
        title={t('compose.sendShortcut')}
      >
        {w.phase === 'sending' ? t('compose.sendingNow', { title }) : t('compose.send')}
      </button>
      <button type="button" className="button" onClick={() => fileInput.current?.click()} disabled={busy}>
        {t('compose.attach')}
      </button>
      <input
        ref={fileInput}
        type="file"
        multiple
        hidden
        aria-label={t('compose.attach')}
        onChange={(e) => {
          attachFiles(w.composeId, [...(e.target.files ?? [])], limits.attachmentMaxBytes);
          e.target.value = '';
        }}
      />
      <label className="compose-plain-toggle small">
        <input type="checkbox" checked={w.plain} onChange={onPlainToggle} /> {t('compose.plainText')}
      </label>
      <SignToggle window={w} disabled={busy} />
      <TemplateMenu window={w} disabled={busy} />
      <button type="button" className="link-button small" onClick={onSignature}>
        {t('compose.signature')}
      </button>
      <button
        type="button"
        className="icon-button compose-discard"
        onClick={onDiscard}
        disabled={busy}
        aria-label={t('compose.discard')}
        title={t('compose.discard')}
      >
        <Icon name="trash" size={18} />
      </button>
    </footer>
  );
}
