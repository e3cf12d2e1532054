import { useTranslation } from 'react-i18next';
import type { AttachmentVerdict } from '../../../common/contract';

/** What the malware scan means for one attachment chip: may it be opened, and what to say. */
export function scanState(
  verdict: AttachmentVerdict | undefined,
  checking: boolean,
): 'open' | 'checking' | 'infected' | 'unavailable' {
  if (verdict?.status === 'infected') return 'infected';
  if (verdict?.status === 'unavailable') return 'unavailable';
  // The chip is information; the proxy is the gate: while the verdict is on its way (or if it
  // could not be fetched) the file can be asked for, and the proxy scans it before sending a byte.
  return checking ? 'checking' : 'open';
}

/** Whether the chip offers its file: not when the scan refused it. */
export const opensFile = (state: ReturnType<typeof scanState>) => state === 'open' || state === 'checking';

/**
 * Đ8.2b: the line on a chip whose file cannot be opened (or not yet). The signature name is
 * clamd's, shown as text only.
 */
export function AttachmentScanNote({
  state,
  signature,
}: {
  state: ReturnType<typeof scanState>;
  signature: string | null;
}) {
  const { t } = useTranslation();
  if (state === 'open') return null;
  if (state === 'checking')
    return <span className="attachment-scan muted small">{t('malware.checking')}</span>;
  const infected = state === 'infected';
  return (
    <span
      className={`attachment-scan attachment-scan-${state} small`}
      title={t(infected ? 'malware.infectedHint' : 'malware.unavailableHint')}
    >
      {infected ? t('malware.infected', { signature: signature ?? '' }) : t('malware.unavailable')}
    </span>
  );
}
