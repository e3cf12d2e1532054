import { useTranslation } from 'react-i18next';
import type { SenderTrust } from '../../../common/contract';

/**
 * The header details' "Xác thực" line: SPF, DKIM and DMARC as the province's own receiving
 * server found them. Nothing is shown for a message the proxy did not assess.
 */
export function SenderAuthLine({ sender }: { sender: SenderTrust | null | undefined }) {
  const { t } = useTranslation();
  if (!sender) return null;
  const auth = sender.authentication;
  return (
    <>
      <dt>{t('sender.authLabel')}</dt>
      <dd className="sender-auth">
        {auth ? (
          <span title={auth.authservId}>
            {t('sender.authLine', {
              spf: t(`sender.verdict.${auth.spf}`),
              dkim: t(`sender.verdict.${auth.dkim}`),
              dmarc: t(`sender.verdict.${auth.dmarc}`),
            })}
          </span>
        ) : (
          <span className="muted">{t('sender.authNone')}</span>
        )}
      </dd>
    </>
  );
}
