import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClientWithToken, UnitNode } from '../../../../common/contract';
import { addDays, vietnamDateOf, vietnameseDay } from '../../../../common/policy/vietnam-date';
import { useCreateApiClient } from '../../../api/console-api-clients';
import { DayInput, typedDay } from '../../../ui/DayInput';
import { FormError } from '../../../ui/ErrorText';

/** The folders typed as "INBOX, Sent" → read:INBOX, read:Sent. */
export function folderScopes(text: string): string[] {
  return text
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean)
    .map((f) => `read:${f}`);
}

/** Đ14.2g: a new API client of a unit's mailbox; the answer (with the token) goes to `onCreated`. */
export function ApiClientForm({
  units,
  onCreated,
  onCancel,
}: {
  units: UnitNode[];
  onCreated: (created: ApiClientWithToken) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateApiClient();
  const withMailbox = units.filter((u) => u.mailbox);
  const [name, setName] = useState('');
  const [unitCode, setUnitCode] = useState(withMailbox[0]?.code ?? '');
  const [send, setSend] = useState(true);
  const [directory, setDirectory] = useState(false);
  const [folders, setFolders] = useState('INBOX');
  const [expires, setExpires] = useState(vietnameseDay(addDays(vietnamDateOf(new Date()), 365)));
  const [submitted, setSubmitted] = useState(false);
  const scopes = [
    ...(send ? ['send'] : []),
    ...(directory ? ['directory:read'] : []),
    ...folderScopes(folders),
  ];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    const expiresOn = typedDay(expires);
    if (!expiresOn || scopes.length === 0) return;
    create.mutate({ name, unitCode, scopes, expiresOn }, { onSuccess: onCreated });
  };

  return (
    <form className="console-form console-card" onSubmit={submit} aria-labelledby="api-client-form-title">
      <h2 id="api-client-form-title">{t('console.api-clients.form.title')}</h2>
      <label>
        {t('console.api-clients.form.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
        <span className="hint">{t('console.api-clients.form.nameHint')}</span>
      </label>
      <label>
        {t('console.api-clients.form.unit')}
        <select value={unitCode} onChange={(e) => setUnitCode(e.target.value)} required>
          {units.map((u) => (
            <option key={u.code} value={u.code} disabled={!u.mailbox}>
              {`${'\u00a0\u00a0'.repeat(u.depth)}${u.name} — ${u.mailbox ?? t('console.api-clients.form.noMailbox')}`}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="api-client-scopes">
        <label className="checkbox">
          <input type="checkbox" checked={send} onChange={(e) => setSend(e.target.checked)} />
          {t('console.api-clients.form.send')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={directory} onChange={(e) => setDirectory(e.target.checked)} />
          {t('console.api-clients.form.directory')}
        </label>
        <label>
          {t('console.api-clients.form.folders')}
          <input value={folders} onChange={(e) => setFolders(e.target.value)} maxLength={500} />
          <span className="hint">{t('console.api-clients.form.foldersHint')}</span>
        </label>
        {submitted && scopes.length === 0 && (
          <p className="form-error" role="alert">
            {t('console.api-clients.form.noScope')}
          </p>
        )}
      </fieldset>
      <label>
        {t('console.api-clients.form.expiresOn')}
        <DayInput value={expires} onChange={setExpires} showInvalid={submitted} required />
        <span className="hint">{t('console.api-clients.form.expiresHint')}</span>
      </label>
      <FormError error={create.error} />
      <div className="console-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {t('console.api-clients.form.create')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('console.api-clients.form.cancel')}
        </button>
      </div>
    </form>
  );
}
