import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageSignature, SignatureOutcome } from '../../../common/contract';
import { formatDateTime } from '../../../common/i18n/format';
import './signature-line.css';

/**
 * Đ14.2h: what checking the message's S/MIME signature found, in one line above the body, with
 * the facts behind it on request. Only a fully valid signature is green; a sound signature whose
 * revocation could not be checked stays calm but neutral; everything else is a warning.
 */
type Tone = 'ok' | 'neutral' | 'caution' | 'danger';

const TONES: Record<SignatureOutcome, Tone> = {
  valid: 'ok',
  revocation_not_checked: 'neutral',
  untrusted_issuer: 'caution',
  content_altered: 'danger',
  expired: 'danger',
  not_for_sender: 'danger',
  revoked: 'danger',
  malformed: 'danger',
};

export function signatureTone(outcome: SignatureOutcome): Tone {
  return TONES[outcome];
}

export function SignatureLine({ signature, timeZone }: { signature: MessageSignature; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const tone = signatureTone(signature.outcome);
  const signer = signature.signerName ?? signature.signerEmail ?? t('smime.unknownSigner');
  const when = (iso: string) => formatDateTime(iso, i18n.language, timeZone);
  const text = (value: string | null) => value ?? t('smime.none');

  const signingTime = signature.signingTime
    ? signature.signingTimeSource === 'arrival'
      ? t('smime.signingTimeArrival', { time: when(signature.signingTime) })
      : when(signature.signingTime)
    : t('smime.none');
  const revocation = {
    good: t('smime.revocationGood', { method: signature.revocationMethod?.toUpperCase() ?? 'CRL' }),
    revoked: signature.revokedAt
      ? t('smime.revocationRevokedAt', { time: when(signature.revokedAt) })
      : t('smime.revocationRevoked'),
    not_checked: t('smime.revocationNotChecked'),
    disabled: t('smime.revocationDisabled'),
  }[signature.revocation];

  const rows: [string, string][] = [
    [t('smime.signer'), text(signature.signerName)],
    [t('smime.email'), text(signature.signerEmail)],
    [t('smime.organisation'), text(signature.organisation)],
    [t('smime.issuer'), text(signature.issuerName)],
    [t('smime.signingTime'), signingTime],
    [t('smime.content'), signature.contentIntact ? t('smime.contentIntact') : t('smime.contentChanged')],
    [t('smime.chain'), signature.chainTrusted ? t('smime.chainTrusted') : t('smime.chainUntrusted')],
    [
      t('smime.validity'),
      signature.validAtSigningTime ? t('smime.validAtSigningTime') : t('smime.notValidAtSigningTime'),
    ],
    [t('smime.sender'), signature.matchesFrom ? t('smime.matchesFrom') : t('smime.notMatchesFrom')],
    [t('smime.usage'), signature.usageAllowed ? t('smime.usageAllowed') : t('smime.usageNotAllowed')],
    [t('smime.revocation'), revocation],
  ];

  return (
    <section className={`signature-line signature-${tone}`} aria-label={t('smime.detailsLabel')}>
      <div className="signature-summary">
        <SealIcon tone={tone} />
        <span className="signature-outcome" data-outcome={signature.outcome}>
          {t(`smime.outcome.${signature.outcome}`, { signer })}
        </span>
        <button
          type="button"
          className="link-button small signature-toggle"
          aria-expanded={open}
          aria-controls={detailsId}
          onClick={() => setOpen((v) => !v)}
        >
          {open ? t('smime.hideDetails') : t('smime.showDetails')}
        </button>
      </div>
      {open ? (
        <dl className="signature-details" id={detailsId}>
          {rows.map(([label, value]) => (
            <div key={label} className="signature-row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </section>
  );
}

/** A seal with a tick (sound), a dot (not fully checked) or an exclamation mark (warning). */
function SealIcon({ tone }: { tone: Tone }) {
  const mark =
    tone === 'ok'
      ? 'M8.2 12.3l2.6 2.6 5-5.2-1.1-1.1-3.9 4-1.5-1.5z'
      : tone === 'neutral'
        ? 'M12 10.2a1.8 1.8 0 1 1 0 3.6 1.8 1.8 0 0 1 0-3.6z'
        : 'M11.2 7h1.6v6.2h-1.6zm0 7.6h1.6v1.6h-1.6z';
  return (
    <svg width={20} height={20} viewBox="0 0 24 24" className="signature-icon" aria-hidden="true">
      <path
        fill="currentColor"
        fillRule="evenodd"
        d={`M12 2.5l2.4 1.8 3 .1.9 2.8 2.4 1.8-.9 2.9.9 2.9-2.4 1.8-.9 2.8-3 .1-2.4 1.8-2.4-1.8-3-.1-.9-2.8-2.4-1.8.9-2.9-.9-2.9 2.4-1.8.9-2.8 3-.1zM12 6a6 6 0 1 0 0 12 6 6 0 0 0 0-12z${mark}`}
      />
    </svg>
  );
}
