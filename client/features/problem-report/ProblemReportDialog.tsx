import { type FormEvent, useId, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { MessageReportKind, ProblemReportReceipt } from '../../../common/contract';
import { useSubmitProblemReport } from '../../api/problem-reports';
import { usePublicConfig } from '../../api/public-config';
import { Banner } from '../../ui/Banner';
import { Dialog } from '../../ui/Dialog';
import { useErrorMessage } from '../../ui/ErrorText';
import { useToasts } from '../../ui/toast-store';
import './problem-report.css';

export type ReportTarget = { kind: 'message'; mailbox: string; uid: number } | { kind: 'fault' };

const MESSAGE_KINDS: MessageReportKind[] = ['spam', 'suspicious', 'virus'];

/**
 * Đ13.7: "Báo cáo thư" (spam, virus, suspicious, with a note) or "Báo lỗi" (a fault, described,
 * with the page if the user agrees). Both reach the Sở's queue and the support mailbox.
 */
export function ProblemReportDialog({
  target,
  onClose,
  onSent,
}: {
  target: ReportTarget;
  onClose: () => void;
  onSent?: (receipt: ProblemReportReceipt) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const support = usePublicConfig().data?.supportAddress ?? '';
  const submit = useSubmitProblemReport();
  const errorMessage = useErrorMessage();
  const showToast = useToasts((s) => s.show);
  const [kind, setKind] = useState<MessageReportKind>('spam');
  const [note, setNote] = useState('');
  const page = window.location.pathname;
  const [includePage, setIncludePage] = useState(true);

  const send = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = note.trim();
    const report =
      target.kind === 'fault'
        ? { kind: 'fault' as const, note: trimmed, ...(includePage ? { page } : {}) }
        : { kind, mailbox: target.mailbox, uid: target.uid, ...(trimmed ? { note: trimmed } : {}) };
    submit.mutate(report, {
      onSuccess: (receipt) => {
        showToast({ message: receipt.movedToJunk ? t('problemReport.sentMoved') : t('problemReport.sent') });
        onSent?.(receipt);
        onClose();
      },
    });
  };

  const fault = target.kind === 'fault';
  return (
    <Dialog
      title={t(fault ? 'problemReport.faultTitle' : 'problemReport.messageTitle')}
      className="problem-report-dialog"
      onClose={onClose}
      onSubmit={send}
    >
      {fault ? (
        <>
          <label htmlFor={`${id}-note`}>{t('problemReport.faultNote')}</label>
          <textarea
            id={`${id}-note`}
            rows={5}
            required
            maxLength={2000}
            aria-describedby={`${id}-hint`}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <p id={`${id}-hint`} className="problem-report-hint">
            {t('problemReport.faultNoteHint')}
          </p>
          <label className="problem-report-check">
            <input type="checkbox" checked={includePage} onChange={(e) => setIncludePage(e.target.checked)} />
            {t('problemReport.includePage', { page })}
          </label>
        </>
      ) : (
        <>
          <fieldset className="problem-report-kinds">
            <legend>{t('problemReport.kind')}</legend>
            {MESSAGE_KINDS.map((k) => (
              <label key={k}>
                <input
                  type="radio"
                  name={`${id}-kind`}
                  value={k}
                  checked={kind === k}
                  onChange={() => setKind(k)}
                />
                {t(`problemReport.kinds.${k}`)}
              </label>
            ))}
          </fieldset>
          <p className="problem-report-hint">
            {kind === 'spam' ? t('problemReport.spamMoves') : t('problemReport.staysInPlace')}
          </p>
          <label htmlFor={`${id}-note`}>{t('problemReport.note')}</label>
          <textarea
            id={`${id}-note`}
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          {support ? (
            <p className="problem-report-hint">{t('problemReport.sendsCopy', { support })}</p>
          ) : null}
        </>
      )}
      {submit.isError ? <Banner tone="error">{errorMessage(submit.error)}</Banner> : null}
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose} disabled={submit.isPending}>
          {t('problemReport.cancel')}
        </button>
        <button
          type="submit"
          className="button button-primary"
          disabled={submit.isPending || (fault && note.trim() === '')}
        >
          {submit.isPending ? t('problemReport.sending') : t('problemReport.send')}
        </button>
      </div>
    </Dialog>
  );
}

/** The reader's "Báo cáo thư"; `onMoved` runs when a spam report took the message to Junk. */
export function ReportMessageButton({
  mailbox,
  uid,
  onMoved,
}: {
  mailbox: string;
  uid: number;
  onMoved: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="link-button small" onClick={() => setOpen(true)}>
        {t('problemReport.reportMessage')}
      </button>
      {open ? (
        <ProblemReportDialog
          target={{ kind: 'message', mailbox, uid }}
          onClose={() => setOpen(false)}
          onSent={(r) => r.movedToJunk && onMoved()}
        />
      ) : null}
    </>
  );
}

/** The account menu's "Báo lỗi". */
export function ReportFaultButton({ className = 'button' }: { className?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)}>
        {t('problemReport.reportFault')}
      </button>
      {/* Into the page's body: the menu holding the button is hidden while the dialog is open. */}
      {open
        ? createPortal(
            <ProblemReportDialog target={{ kind: 'fault' }} onClose={() => setOpen(false)} />,
            document.body,
          )
        : null}
    </>
  );
}
