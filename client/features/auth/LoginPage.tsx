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
  const domain = config.data?.mailDomain ?? '';

  const submit = (e: FormEvent) => {
    e.preventDefault();
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
          onChange={(e) => setEmail(e.target.value)}
        />
        <label htmlFor="login-password">{t('login.password')}</label>
        <div className="password-field">
          <input
            id="login-password"
            name="password"
            type={showPassword ? 'text' : 'password'}
            autoComplete="current-password"
            required
            value={password}
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
        {capsLock ? <p className="hint">{t('login.capsLock')}</p> : null}
        <div id="login-error" aria-live="assertive">
          {login.isError ? <Banner tone="error">{errorMessage(login.error)}</Banner> : null}
        </div>
        <button
          type="submit"
          className="button button-primary"
          disabled={login.isPending || !email || !password}
        >
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </button>
        <p className="muted small">{t('login.help', { support: config.data?.supportAddress ?? '' })}</p>
        <LanguageSwitch />
        <SourceLink />
      </form>
    </main>
  );
}
