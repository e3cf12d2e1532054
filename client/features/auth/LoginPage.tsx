import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePublicConfig } from '../../api/public-config';
import { useLogin } from '../../api/session';
import { Banner } from '../../ui/Banner';
import { useErrorMessage } from '../../ui/ErrorText';
import { LanguageSwitch } from '../account/LanguageSwitch';
import { SourceLink } from '../account/SourceLink';
import { MaintenanceBanner } from '../maintenance/MaintenanceBanner';
import './login.css';

export function LoginPage() {
  const { t } = useTranslation();
  const config = usePublicConfig();
  const login = useLogin();
  const errorMessage = useErrorMessage();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [capsLock, setCapsLock] = useState(false);
  // Shown after a submit with a field left empty; the button itself stays usable and says nothing.
  const [missing, setMissing] = useState<{ email: boolean; password: boolean } | null>(null);
  const domain = config.data?.mailDomain ?? '';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const empty = { email: !email.trim(), password: !password };
    if (empty.email || empty.password) {
      setMissing(empty);
      document.getElementById(empty.email ? 'login-email' : 'login-password')?.focus();
      return;
    }
    setMissing(null);
    // "thanhtv.sttt" alone is enough: the province has one mail domain.
    const typed = email.trim(); // phone keyboards add a space after a suggested word
    const address = typed.includes('@') || !domain ? typed : `${typed}@${domain}`;
    login.mutate({ email: address, password });
  };

  return (
    <main className="login-page">
      <MaintenanceBanner />
      <form className="login-card" onSubmit={submit} noValidate aria-describedby="login-error">
        <div className="login-brand">
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <div>
            <h1>{t('login.title')}</h1>
            <p className="muted">{config.data?.orgName ?? ''}</p>
          </div>
        </div>
        <p className="muted">{t('login.subtitle')}</p>
        <label htmlFor="login-email">{t('login.email')}</label>
        <input
          id="login-email"
          name="email"
          type="text"
          inputMode="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          placeholder={t('login.emailPlaceholder', { domain })}
          value={email}
          aria-invalid={missing?.email || undefined}
          aria-describedby={missing?.email ? 'login-email-missing' : undefined}
          onChange={(e) => setEmail(e.target.value)}
        />
        {missing?.email ? (
          <p id="login-email-missing" className="field-error">
            {t('shell.loginEmailMissing')}
          </p>
        ) : null}
        <label htmlFor="login-password">{t('login.password')}</label>
        <div className="password-field">
          <input
            id="login-password"
            name="password"
            type={showPassword ? 'text' : 'password'}
            autoComplete="current-password"
            required
            value={password}
            aria-invalid={missing?.password || undefined}
            aria-describedby={missing?.password ? 'login-password-missing' : undefined}
            onChange={(e) => setPassword(e.target.value)}
            onKeyUp={(e) => setCapsLock(e.getModifierState('CapsLock'))}
          />
          <button
            type="button"
            className="link-button"
            aria-pressed={showPassword}
            onClick={() => setShowPassword((v) => !v)}
          >
            {showPassword ? t('login.hidePassword') : t('login.showPassword')}
          </button>
        </div>
        {missing?.password ? (
          <p id="login-password-missing" className="field-error">
            {t('shell.loginPasswordMissing')}
          </p>
        ) : null}
        {capsLock ? <p className="hint">{t('login.capsLock')}</p> : null}
        <div id="login-error" aria-live="assertive">
          {login.isError ? <Banner tone="error">{errorMessage(login.error)}</Banner> : null}
        </div>
        <button type="submit" className="button button-primary" disabled={login.isPending}>
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </button>
        <p className="muted small">{t('login.help', { support: config.data?.supportAddress ?? '' })}</p>
        <LanguageSwitch />
        <SourceLink />
      </form>
    </main>
  );
}
