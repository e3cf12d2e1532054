import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../../api/password';
import { usePublicConfig } from '../../api/public-config';
import { Banner } from '../../ui/Banner';
import { useErrorMessage } from '../../ui/ErrorText';
import { PasswordChecklist } from './PasswordChecklist';
import { checklist } from './password-checklist-rules';
import './password.css';

/**
 * Current password, new password twice, and the live checklist. A refusal (wrong current password,
 * a reused one, the server down) keeps everything typed, so the user corrects instead of retyping.
 */
export function ChangePasswordForm({
  email,
  onDone,
  onCancel,
}: {
  email: string;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const config = usePublicConfig();
  const change = useChangePassword();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [show, setShow] = useState(false);

  const items = checklist(next, email, config.data?.limits.passwordMinLength ?? 8);
  const rulesMet = next !== '' && items.every((i) => i.state === 'met');
  const mismatch = confirm !== '' && confirm !== next;
  const ready = current !== '' && rulesMet && confirm === next && !change.isPending;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!ready) return;
    change.mutate({ current, next }, { onSuccess: onDone });
  };

  const field = (
    key: 'current' | 'next' | 'confirm',
    value: string,
    set: (v: string) => void,
    autoComplete: string,
    describedBy?: string,
  ) => (
    <>
      <label htmlFor={`${id}-${key}`}>{t(`password.${key}`)}</label>
      <input
        id={`${id}-${key}`}
        name={key}
        type={show ? 'text' : 'password'}
        autoComplete={autoComplete}
        autoCapitalize="none"
        spellCheck={false}
        value={value}
        aria-describedby={describedBy}
        aria-invalid={key === 'confirm' && mismatch ? true : undefined}
        onChange={(e) => set(e.target.value)}
      />
    </>
  );

  return (
    <form className="password-form" onSubmit={submit} noValidate>
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      {field('current', current, setCurrent, 'current-password')}
      {field('next', next, setNext, 'new-password', `${id}-checklist`)}
      <PasswordChecklist items={items} id={`${id}-checklist`} />
      {field('confirm', confirm, setConfirm, 'new-password', `${id}-mismatch`)}
      <p className="hint" id={`${id}-mismatch`} aria-live="polite">
        {mismatch ? t('password.mismatch') : ''}
      </p>
      <label className="inline-check">
        <input type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} />
        {t('login.showPassword')}
      </label>
      <div aria-live="assertive">
        {change.isError ? <Banner tone="error">{errorMessage(change.error)}</Banner> : null}
      </div>
      <div className="form-actions">
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            {t('password.cancel')}
          </button>
        ) : null}
        <button type="submit" className="button button-primary" disabled={!ready}>
          {change.isPending ? t('password.submitting') : t('password.submit')}
        </button>
      </div>
    </form>
  );
}
