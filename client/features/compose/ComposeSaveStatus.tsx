import { useTranslation } from 'react-i18next';
import type { ComposeWindow as Window } from './compose-store';

/**
 * "Đang lưu…" / "Đã lưu nháp" / "Đang đóng…" beside the window's title, where the footer's tools
 * can never squeeze it out of sight: it is what tells the writer their work is safe.
 */
export function ComposeSaveStatus({ window: w }: { window: Window }) {
  const { t } = useTranslation();
  const status =
    w.phase === 'closing'
      ? t('compose.closing')
      : w.saving
        ? t('compose.saving')
        : w.draftUid && w.revision === w.savedRevision
          ? t('compose.saved')
          : '';
  return (
    <span className="compose-status small" aria-live="polite">
      {status}
    </span>
  );
}
