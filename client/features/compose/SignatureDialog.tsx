import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings, useUpdateSettings } from '../../api/settings';
import { Banner } from '../../ui/Banner';
import { Dialog } from '../../ui/Dialog';
import { useErrorMessage } from '../../ui/ErrorText';
import { RichEditor } from './RichEditor';
import { useSizeText } from './size-text';

/** Same bound as the settings contract: a signature, not a letterhead with pictures. */
const SIGNATURE_MAX_BYTES = 10_240;

/** The user's signature (a per-user setting), edited with the same editor as a message. */
export function SignatureDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const size = useSizeText();
  const errorMessage = useErrorMessage();
  const settings = useSettings();
  const update = useUpdateSettings();
  const [html, setHtml] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const value = html ?? settings.data?.signature ?? '';
  const tooLong = new Blob([value]).size > SIGNATURE_MAX_BYTES;
  const save = () => {
    // An editor left empty keeps one empty paragraph: that is no signature.
    const signature = value.replace(/^(<p><\/p>)+$/, '');
    update.mutate({ signature }, { onSuccess: () => setSaved(true) });
  };

  return (
    <Dialog title={t('compose.signatureDialog.title')} className="signature-dialog" onClose={onClose}>
      <p className="muted small">{t('compose.signatureDialog.hint')}</p>
      {settings.isPending ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : (
        <RichEditor
          initialHtml={settings.data?.signature ?? ''}
          label={t('compose.signatureDialog.title')}
          placeholder=""
          onChange={(next) => {
            setHtml(next);
            setSaved(false);
          }}
        />
      )}
      {tooLong ? (
        <Banner tone="error">
          {t('compose.signatureDialog.tooLong', { max: size(SIGNATURE_MAX_BYTES) })}
        </Banner>
      ) : null}
      {update.isError ? <Banner tone="error">{errorMessage(update.error)}</Banner> : null}
      {saved ? <Banner tone="info">{t('compose.signatureDialog.saved')}</Banner> : null}
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('compose.signatureDialog.close')}
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={save}
          disabled={tooLong || update.isPending || settings.isPending}
        >
          {update.isPending ? t('compose.signatureDialog.saving') : t('compose.signatureDialog.save')}
        </button>
      </div>
    </Dialog>
  );
}
