import { useTranslation } from 'react-i18next';
import { ApiClientError } from '../api/http';

/** The catalogue message for any error, with the details the proxy gave (a reason, a limit). */
export function useErrorMessage() {
  const { t } = useTranslation();
  return (err: unknown): string => {
    if (err instanceof ApiClientError) {
      const main = t(`errors.${err.code}`, err.details);
      // Only a suspension's reason is a person's words worth quoting; other codes' reasons are codes.
      const reason = err.code === 'account_suspended' ? err.details.reason : undefined;
      return reason ? `${main} ${t('errors.suspendedReason', { reason })}` : main;
    }
    return t('errors.internal_error');
  };
}

/** A form's or a list's error, said in the catalogue's words as an alert; nothing while there is none. */
export function FormError({ error, className }: { error: unknown; className?: string }) {
  const errorMessage = useErrorMessage();
  if (!error) return null;
  return (
    <p className={className ? `form-error ${className}` : 'form-error'} role="alert">
      {errorMessage(error)}
    </p>
  );
}
