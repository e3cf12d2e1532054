import { useTranslation } from 'react-i18next';
import { useComposeStore, type ComposeWindow as Window } from './compose-store';
import { RecipientInput } from './RecipientInput';

/** To, Cc/Bcc (shown on demand) and the subject; changing a recipient clears the send notice. */
export function ComposeFields({ window: w }: { window: Window }) {
  const { t } = useTranslation();
  const { edit, update } = useComposeStore.getState();
  const id = w.composeId;
  return (
    <div className="compose-fields">
      <RecipientInput
        label={t('compose.to')}
        chips={w.to}
        onChange={(to) => edit(id, { to, notice: null })}
        autoFocus={!w.source || w.source.mode === 'forward' || w.source.mode === 'forwardAsAttachment'}
      />
      {w.showCcBcc ? (
        <>
          <RecipientInput
            label={t('compose.cc')}
            chips={w.cc}
            onChange={(cc) => edit(id, { cc, notice: null })}
          />
          <RecipientInput
            label={t('compose.bcc')}
            chips={w.bcc}
            onChange={(bcc) => edit(id, { bcc, notice: null })}
          />
        </>
      ) : (
        <button
          type="button"
          className="link-button small compose-ccbcc"
          onClick={() => update(id, { showCcBcc: true })}
        >
          {t('compose.showCcBcc')}
        </button>
      )}
      <label className="compose-subject">
        <span>{t('compose.subject')}</span>
        <input
          type="text"
          value={w.subject}
          maxLength={998}
          onChange={(e) => edit(id, { subject: e.target.value })}
        />
      </label>
    </div>
  );
}
