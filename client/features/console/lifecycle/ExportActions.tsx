import { useTranslation } from 'react-i18next';
import type { useExportMailbox, useRevokeAccount } from '../../../api/console-lifecycle';
import { FileSize } from '../../../ui/FileSize';
import type { ActionFormProps } from './lifecycle-actions';

/** Đ5.3b: the mailbox exported on request, and the account revoked (never without an export). */
export function ExportActions({
  account: a,
  withRequest,
  onMessage,
  confirm,
  exportMailbox,
  revoke,
}: ActionFormProps & {
  exportMailbox: ReturnType<typeof useExportMailbox>;
  revoke: ReturnType<typeof useRevokeAccount>;
}) {
  const { t } = useTranslation();
  return (
    <div className="console-form">
      <h3>{t('console.lifecycle.export.title')}</h3>
      {exportMailbox.data && (
        <p role="status">
          {t('console.lifecycle.export.done', { messages: exportMailbox.data.messages, size: '' })}
          <FileSize bytes={exportMailbox.data.bytes} />
        </p>
      )}
      <div className="console-actions">
        <button
          type="button"
          className="button"
          disabled={exportMailbox.isPending}
          onClick={() =>
            confirm({
              title: t('console.lifecycle.export.run'),
              text: t('console.lifecycle.export.confirm', { email: a.email }),
              run: () => exportMailbox.mutate({ email: a.email }),
            })
          }
        >
          {t('console.lifecycle.export.run')}
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={revoke.isPending}
          onClick={() =>
            confirm({
              title: t('console.lifecycle.export.revoke'),
              text: t('console.lifecycle.export.revokeConfirm', { email: a.email }),
              run: () =>
                revoke.mutate(
                  { email: a.email, body: withRequest({}) },
                  { onSuccess: () => onMessage(t('console.lifecycle.export.revoked')) },
                ),
            })
          }
        >
          {t('console.lifecycle.export.revoke')}
        </button>
      </div>
    </div>
  );
}
