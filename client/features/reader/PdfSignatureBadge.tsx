import { useTranslation } from 'react-i18next';
import type { AttachmentInfo, PdfSignature, PdfSignatureOutcome } from '../../../common/contract';
import { formatDateTime } from '../../../common/i18n/format';
import { usePdfSignatures } from '../../api/pdf-signatures';
import { useTimeZone } from '../../i18n/use-time-zone';

/** Green only for `valid`; a doubt is amber, a broken promise red. */
const TONE: Record<PdfSignatureOutcome, 'ok' | 'caution' | 'danger'> = {
  valid: 'ok',
  revocation_not_checked: 'caution',
  expired: 'caution',
  untrusted_issuer: 'caution',
  revoked: 'danger',
  changed_after_signing: 'danger',
  content_altered: 'danger',
  malformed: 'danger',
};

export const isPdfAttachment = ({ contentType, filename }: AttachmentInfo) =>
  contentType.toLowerCase() === 'application/pdf' ||
  (contentType.toLowerCase() === 'application/octet-stream' && /\.pdf$/i.test(filename));

/**
 * Đ14.2h: the signature state of a PDF attachment, on its chip, before anyone opens it: an icon
 * and a few words; a click shows, as plain text, who signed, when, issued by whom, whether the
 * whole document is covered and whether revocation was checked. Nothing for an unsigned PDF.
 */
export function PdfSignatureBadge({
  mailbox,
  uid,
  attachment,
}: {
  mailbox: string;
  uid: number;
  attachment: AttachmentInfo;
}) {
  const { t } = useTranslation();
  const query = usePdfSignatures(mailbox, uid, attachment.id, true);
  if (query.isPending)
    return <span className="pdf-sig pdf-sig-pending small muted">{t('pdfSignature.checking')}</span>;
  if (query.isError)
    return (
      <span className="pdf-sig pdf-sig-neutral small" title={t('pdfSignature.failedLong')}>
        {t('pdfSignature.failed')}
      </span>
    );
  const report = query.data;
  if (report.status === 'not_signed') return null;
  if (report.status === 'unreadable' || report.outcome === null)
    return <span className="pdf-sig pdf-sig-neutral small">{t('pdfSignature.unreadable')}</span>;
  const outcome = report.outcome;
  const tone = TONE[outcome];
  const short = t(`pdfSignature.short.${outcome}`);
  const long = t(`pdfSignature.long.${outcome}`);
  return (
    <details className={`pdf-sig pdf-sig-${tone}`} data-outcome={outcome}>
      <summary
        className="small"
        title={long}
        aria-label={t('pdfSignature.summaryLabel', { name: attachment.filename, state: short })}
      >
        <SealIcon tone={tone} />
        <span>{short}</span>
      </summary>
      <div className="pdf-sig-details small">
        <p>{long}</p>
        {report.signatures.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the document's own, fixed order of signatures
          <SignatureFacts key={i} signature={s} index={i} count={report.signatures.length} />
        ))}
      </div>
    </details>
  );
}

function SignatureFacts({
  signature: s,
  index,
  count,
}: {
  signature: PdfSignature;
  index: number;
  count: number;
}) {
  const { t, i18n } = useTranslation();
  const timeZone = useTimeZone();
  const unknown = t('pdfSignature.unknown');
  return (
    <dl className="pdf-sig-facts">
      {count > 1 ? (
        <div className="pdf-sig-heading">
          {t('pdfSignature.nth', { n: index + 1 })}: {t(`pdfSignature.short.${s.outcome}`)}
        </div>
      ) : null}
      <dt>{t('pdfSignature.signer')}</dt>
      <dd>{s.signerName ?? unknown}</dd>
      <dt>{t('pdfSignature.signingTime')}</dt>
      <dd>{s.signingTime ? formatDateTime(s.signingTime, i18n.language, timeZone) : unknown}</dd>
      <dt>{t('pdfSignature.issuer')}</dt>
      <dd>{s.issuer ?? unknown}</dd>
      <dt>{t('pdfSignature.coverage')}</dt>
      <dd>
        {s.wholeDocumentSigned === null
          ? unknown
          : t(s.wholeDocumentSigned ? 'pdfSignature.wholeDocument' : 'pdfSignature.partOfDocument')}
      </dd>
      <dt>{t('pdfSignature.revocation')}</dt>
      <dd>
        {t(s.revocationChecked ? 'pdfSignature.revocationChecked' : 'pdfSignature.revocationNotChecked')}
      </dd>
    </dl>
  );
}

/** A seal with a tick (valid), or with an exclamation mark (anything else). */
function SealIcon({ tone }: { tone: 'ok' | 'caution' | 'danger' }) {
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 24 24"
      fill="currentColor"
      aria-hidden="true"
      className="pdf-sig-icon"
    >
      {tone === 'ok' ? (
        <path d="M12 2l2.4 1.8 3-.2.9 2.9 2.5 1.7-1 2.8 1 2.8-2.5 1.7-.9 2.9-3-.2L12 22l-2.4-1.8-3 .2-.9-2.9-2.5-1.7 1-2.8-1-2.8 2.5-1.7.9-2.9 3 .2zm-1.2 12.6L7.9 11.7l-1.4 1.4 4.3 4.3 6.9-6.9-1.4-1.4z" />
      ) : (
        <path d="M12 2l2.4 1.8 3-.2.9 2.9 2.5 1.7-1 2.8 1 2.8-2.5 1.7-.9 2.9-3-.2L12 22l-2.4-1.8-3 .2-.9-2.9-2.5-1.7 1-2.8-1-2.8 2.5-1.7.9-2.9 3 .2zM11 7v6.5h2V7zm0 8v2h2v-2z" />
      )}
    </svg>
  );
}
