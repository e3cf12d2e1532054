import { useTranslation } from 'react-i18next';
import type { StampHit } from '../../../common/policy/secret-stamps';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

/** Đ3.1: asked before a message with a state-secret stamp goes; Cancel has the focus. */
export function StampWarning({
  hits,
  onConfirm,
  onCancel,
}: {
  hits: StampHit[];
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={t('compose.stamp.title')}
      confirmLabel={t('compose.stamp.confirm')}
      cancelLabel={t('compose.stamp.cancel')}
      danger
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>{t('compose.stamp.rule')}</p>
      <ul>
        {hits.map((hit) => {
          const where =
            hit.where === 'subject'
              ? t('compose.stamp.subject')
              : t('compose.stamp.file', { name: hit.where.filename });
          return (
            <li key={`${where}|${hit.stamp}`}>{t('compose.stamp.found', { stamp: hit.stamp, where })}</li>
          );
        })}
      </ul>
      <p>{t('compose.stamp.question')}</p>
    </ConfirmDialog>
  );
}
