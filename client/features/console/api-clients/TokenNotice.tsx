import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Đ14.2g: an API client's token, shown this once (the proxy keeps only its SHA-256) with a copy
 * button and the warning that it cannot be shown again.
 */
export function TokenNotice({
  title,
  token,
  note,
  onDone,
}: {
  title: string;
  token: string;
  note?: string | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(token);
    setCopied(true);
  };
  return (
    <div className="console-card api-token" role="status">
      <h2>{title}</h2>
      {note && <p className="hint">{note}</p>}
      <p className="api-token-row">
        <span>{t('console.api-clients.token.label')}</span>
        <code data-testid="api-token">{token}</code>
        <button type="button" className="button button-small" onClick={() => void copy()}>
          {copied ? t('console.api-clients.token.copied') : t('console.api-clients.token.copy')}
        </button>
      </p>
      <p className="api-token-warning">{t('console.api-clients.token.warning')}</p>
      <button type="button" className="button button-primary" onClick={onDone}>
        {t('console.api-clients.token.done')}
      </button>
    </div>
  );
}
