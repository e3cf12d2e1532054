import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Đ5.3a, Đ6.3c: the temporary password, shown this once (the proxy never stores it) with a
 * copy button; the holder must change it at the first log-in.
 */
export function TemporaryPasswordNotice({
  title,
  password,
  note,
  onDone,
}: {
  title: string;
  password: string;
  note?: string | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(password);
    setCopied(true);
  };
  return (
    <div className="console-card temp-password" role="status">
      <h2>{title}</h2>
      {note && <p className="hint">{note}</p>}
      <p className="temp-password-row">
        <span>{t('console.accounts.created.passwordLabel')}</span>
        <code data-testid="temporary-password">{password}</code>
        <button type="button" className="button button-small" onClick={() => void copy()}>
          {copied ? t('console.accounts.created.copied') : t('console.accounts.created.copy')}
        </button>
      </p>
      <p className="hint">{t('console.accounts.created.once')}</p>
      <button type="button" className="button button-primary" onClick={onDone}>
        {t('console.accounts.created.done')}
      </button>
    </div>
  );
}
