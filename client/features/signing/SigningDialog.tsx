import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../common/i18n/format';
import { SigningError } from '../../../common/signing/signing-errors';
import { Banner } from '../../ui/Banner';
import { Dialog } from '../../ui/Dialog';
import { showToast } from '../../ui/toast-store';
import { forgetIdentity, keepIdentity } from './identity-vault';
import { importIdentity } from './import-identity';
import { type LoadedIdentity, useSigningStore } from './signing-store';
import './signing.css';

/**
 * "Chữ ký số" (Đ14.2h): the user's own certificate for signing mail. Lazily loaded with the
 * certificate code (pkijs), so the mail screen's first load does not carry it.
 */
export default function SigningDialog({ email }: { email: string }) {
  const { t } = useTranslation();
  const setOpen = useSigningStore((s) => s.setDialogOpen);
  const identity = useSigningStore((s) => (s.owner === email.toLowerCase() ? s.identity : null));
  const close = () => setOpen(false);
  return (
    <Dialog title={t('smimeSign.title')} className="signing-dialog" onClose={close}>
      {identity ? <CurrentIdentity email={email} identity={identity} /> : <ImportForm email={email} />}
      {identity ? (
        <div className="form-actions">
          <button type="button" className="button" onClick={close}>
            {t('smimeSign.close')}
          </button>
        </div>
      ) : null}
    </Dialog>
  );
}

function CurrentIdentity({ email, identity }: { email: string; identity: LoadedIdentity }) {
  const { t, i18n } = useTranslation();
  const setIdentity = useSigningStore((s) => s.setIdentity);
  const c = identity.certificate;
  const remove = async () => {
    setIdentity(email.toLowerCase(), null);
    await forgetIdentity(email).catch(() => undefined);
    showToast({ message: t('smimeSign.removed') });
  };
  return (
    <section aria-label={t('smimeSign.current')}>
      <Banner tone="info">{t('smimeSign.ready')}</Banner>
      <dl className="signing-certificate">
        <dt>{t('smimeSign.subject')}</dt>
        <dd>{c.subject}</dd>
        <dt>{t('smimeSign.email')}</dt>
        <dd>{c.emails.join(', ')}</dd>
        <dt>{t('smimeSign.issuer')}</dt>
        <dd>{c.issuer}</dd>
        <dt>{t('smimeSign.validUntil')}</dt>
        <dd>{formatDate(c.notAfter.toISOString(), i18n.language)}</dd>
        <dt>{t('smimeSign.whereKept')}</dt>
        <dd>{identity.persisted ? t('smimeSign.keptHere') : t('smimeSign.memoryOnly')}</dd>
      </dl>
      <button type="button" className="button button-danger" onClick={() => void remove()}>
        {t('smimeSign.remove')}
      </button>
    </section>
  );
}

function ImportForm({ email }: { email: string }) {
  const { t } = useTranslation();
  const id = useId();
  const setIdentity = useSigningStore((s) => s.setIdentity);
  const setOpen = useSigningStore((s) => s.setDialogOpen);
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [keep, setKeep] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!file) {
      setError(t('smimeSign.error.no_file'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const loaded = await importIdentity(file, password, email);
      let persisted = false;
      if (keep) {
        persisted = await keepIdentity(email, loaded).then(
          () => true,
          () => false,
        );
        if (!persisted) showToast({ message: t('smimeSign.error.storage'), tone: 'error' });
      }
      setIdentity(email.toLowerCase(), { ...loaded, persisted });
      setPassword('');
      showToast({ message: t('smimeSign.imported') });
      setOpen(false);
    } catch (err) {
      const code = err instanceof SigningError ? err.code : 'signing_p12_unreadable';
      setError(t(`smimeSign.error.${code}`, { email }));
    } finally {
      setBusy(false);
    }
  };

  // WebCrypto exists only in secure contexts: a deployment served over plain http cannot sign.
  const secure = typeof crypto !== 'undefined' && crypto.subtle !== undefined;
  return (
    <form className="signing-form" onSubmit={(e) => void submit(e)} noValidate>
      <p className="muted small">{t('smimeSign.intro')}</p>
      {secure ? null : <Banner tone="error">{t('smimeSign.error.insecure_context')}</Banner>}
      <label htmlFor={`${id}-file`}>{t('smimeSign.file')}</label>
      <input
        id={`${id}-file`}
        type="file"
        accept=".p12,.pfx,application/x-pkcs12"
        onChange={(e) => {
          setFile(e.target.files?.[0] ?? null);
          setError(null);
        }}
      />
      <label htmlFor={`${id}-password`}>{t('smimeSign.password')}</label>
      <input
        id={`${id}-password`}
        type="password"
        autoComplete="off"
        value={password}
        onChange={(e) => {
          setPassword(e.target.value);
          setError(null);
        }}
      />
      <label className="inline-check">
        <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} />
        {t('smimeSign.keep')}
      </label>
      <p className="muted small signing-hint">{t('smimeSign.keepHint')}</p>
      <div aria-live="assertive">{error ? <Banner tone="error">{error}</Banner> : null}</div>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('smimeSign.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={busy || !secure}>
          {busy ? t('smimeSign.importing') : t('smimeSign.import')}
        </button>
      </div>
    </form>
  );
}
