import { useTranslation } from 'react-i18next';
import { type ComposeWindow, useComposeStore } from '../compose/compose-store';
import { useSigningStore } from './signing-store';

/**
 * "Ký số" in the compose footer, shown once the user has a certificate; on by default then (see
 * shouldSign). Changing it is no edit of the message: it does not trigger an autosave.
 */
export function SignToggle({ window: w, disabled }: { window: ComposeWindow; disabled: boolean }) {
  const { t } = useTranslation();
  const identity = useSigningStore((s) => s.identity);
  const update = useComposeStore((s) => s.update);
  if (!identity) return null;
  return (
    <label
      className="compose-plain-toggle compose-sign-toggle small"
      title={t('smimeSign.toggleHint', { email: identity.certificate.emails[0] ?? '' })}
    >
      <input
        type="checkbox"
        checked={shouldSign(w, true)}
        disabled={disabled}
        onChange={(e) => update(w.composeId, { sign: e.target.checked })}
      />{' '}
      {t('smimeSign.toggle')}
    </label>
  );
}

/**
 * A user who imported a certificate did so to sign official mail (Đ14.2h): a window signs unless
 * its toggle was turned off. Without a certificate nothing is signed.
 */
export function shouldSign(w: Pick<ComposeWindow, 'sign'>, hasIdentity: boolean): boolean {
  return hasIdentity && w.sign !== false;
}
