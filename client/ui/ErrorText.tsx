import { useTranslation } from 'react-i18next';
import { ApiClientError } from '../api/http';

/** The catalogue message for any error, with the details the proxy gave (a reason, a limit). */
export function useErrorMessage() {
  const { t } = useTranslation();
  return (err: unknown): string => {
    if (err instanceof ApiClientError) {
      const main = t(`errors.${err.code}`, err.details);
      const reason = err.details.reason;
      return reason ? `${main} ${t('errors.suspendedReason', { reason })}` : main;
    }
    return t('errors.internal_error');
  };
}
