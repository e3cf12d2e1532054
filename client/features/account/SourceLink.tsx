import { useTranslation } from 'react-i18next';
import { usePublicConfig } from '../../api/public-config';

/**
 * AGPL §13: everyone who uses the webmail over the network is offered its source, here on the
 * log-in page and in the account area, at the deployment's SOURCE_URL.
 */
export function SourceLink({ className = 'source-link small' }: { className?: string }) {
  const { t } = useTranslation();
  const sourceUrl = usePublicConfig().data?.sourceUrl;
  if (!sourceUrl) return null;
  return (
    <a className={className} href={sourceUrl} title={t('account.sourceTitle')} rel="license noopener">
      {t('account.source')}
    </a>
  );
}
