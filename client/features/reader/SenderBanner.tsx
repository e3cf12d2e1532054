import { useTranslation } from 'react-i18next';
import type { SenderTrust, SenderWarning } from '../../../common/contract';
import './sender-banner.css';

/**
 * Above the body: mail from outside the government's domains, and each warning about who the
 * sender claims to be. Plain text, calm colours: it must be read, not feared.
 */
export function SenderBanner({ sender }: { sender: SenderTrust | null | undefined }) {
  const { t } = useTranslation();
  if (!sender || (!sender.outside && sender.warnings.length === 0)) return null;
  return (
    <section className="sender-banner" aria-label={t('sender.warningsLabel')}>
      {sender.warnings.length ? (
        <ul className="sender-warnings" role="alert">
          {sender.warnings.map((w) => (
            <li
              key={`${w.code}|${Object.values(w.facts).join('|')}`}
              className="sender-warning"
              data-code={w.code}
            >
              {warningText(t, w)}
            </li>
          ))}
        </ul>
      ) : null}
      {sender.outside ? (
        <p className="sender-outside" role="note">
          {t('sender.outside')}
        </p>
      ) : null}
    </section>
  );
}

function warningText(t: (key: string, values?: Record<string, string>) => string, w: SenderWarning): string {
  const facts = { ...w.facts };
  // "*.gov.vn" is configuration syntax; people read "gov.vn".
  if (facts.resembles) facts.resembles = facts.resembles.replace(/^\*\./, '');
  const key = w.code === 'lookalike_domain' && facts.unicode ? 'lookalike_domain_unicode' : w.code;
  return t(`sender.warning.${key}`, facts);
}
