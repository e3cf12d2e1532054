import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClientView, ApiClientWithToken } from '../../../../common/contract';
import { formatDate, formatDateTime } from '../../../../common/i18n/format';
import { useConsoleMe } from '../../../api/console';
import { useApiClients, useRevokeApiClient, useRotateApiClient } from '../../../api/console-api-clients';
import { useUnitTree } from '../../../api/console-units';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { FormError, useErrorMessage } from '../../../ui/ErrorText';
import { useToasts } from '../../../ui/toast-store';
import { ApiClientForm } from './ApiClientForm';
import { TokenNotice } from './TokenNotice';
import './api-clients.css';

type Shown = { result: ApiClientWithToken; rotated: boolean } | null;
type Confirming = { client: ApiClientView; action: 'rotate' | 'revoke' } | null;

/**
 * Đ14.2g: the applications that act for unit mailboxes. Admins create one (its token shown once),
 * rotate its token and revoke it; unit managers see those of their units.
 */
export default function ApiClientsPage() {
  const { t, i18n } = useTranslation();
  const me = useConsoleMe();
  const clients = useApiClients();
  const units = useUnitTree();
  const rotate = useRotateApiClient();
  const revoke = useRevokeApiClient();
  const errorMessage = useErrorMessage();
  const show = useToasts((s) => s.show);
  const [adding, setAdding] = useState(false);
  const [shown, setShown] = useState<Shown>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const isAdmin = me.data?.role === 'admin';
  const list = clients.data?.clients ?? [];
  const locale = i18n.language;

  const scopeLabel = (scope: string) => {
    if (scope === 'send') return t('console.api-clients.scopes.send');
    if (scope === 'directory:read') return t('console.api-clients.scopes.directory');
    return t('console.api-clients.scopes.read', { folder: scope.slice('read:'.length) });
  };

  const confirm = () => {
    if (!confirming) return;
    const { client, action } = confirming;
    const onError = (err: unknown) => show({ message: errorMessage(err), tone: 'error' });
    const onSettled = () => setConfirming(null);
    if (action === 'rotate')
      rotate.mutate(client.id, {
        onSuccess: (result) => setShown({ result, rotated: true }),
        onError,
        onSettled,
      });
    else
      revoke.mutate(client.id, {
        onSuccess: () => show({ message: t('console.api-clients.revoked', { name: client.name }) }),
        onError,
        onSettled,
      });
  };

  return (
    <section className="api-clients-page">
      <h1 className="console-title">{t('console.api-clients.title')}</h1>
      <p className="hint">{isAdmin ? t('console.api-clients.intro') : t('console.api-clients.readOnly')}</p>
      {shown && (
        <TokenNotice
          title={t(
            shown.rotated
              ? 'console.api-clients.token.rotatedTitle'
              : 'console.api-clients.token.createdTitle',
            {
              name: shown.result.client.name,
            },
          )}
          token={shown.result.token}
          note={shown.rotated ? t('console.api-clients.token.rotatedNote') : undefined}
          onDone={() => setShown(null)}
        />
      )}
      {isAdmin && !adding && !shown && (
        <div className="console-actions">
          <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
            {t('console.api-clients.add')}
          </button>
        </div>
      )}
      {isAdmin && adding && (
        <ApiClientForm
          units={units.data?.units ?? []}
          onCancel={() => setAdding(false)}
          onCreated={(result) => {
            setAdding(false);
            setShown({ result, rotated: false });
          }}
        />
      )}
      {clients.isPending && <p>{t('console.api-clients.loading')}</p>}
      <FormError error={clients.error} />
      {clients.data && list.length === 0 && <p>{t('console.api-clients.empty')}</p>}
      {list.length > 0 && (
        <table className="console-table api-clients-table">
          <thead>
            <tr>
              <th scope="col">{t('console.api-clients.columns.name')}</th>
              <th scope="col">{t('console.api-clients.columns.unit')}</th>
              <th scope="col">{t('console.api-clients.columns.scopes')}</th>
              <th scope="col">{t('console.api-clients.columns.token')}</th>
              <th scope="col">{t('console.api-clients.columns.expires')}</th>
              <th scope="col">{t('console.api-clients.columns.lastUsed')}</th>
              <th scope="col">{t('console.api-clients.columns.state')}</th>
              {isAdmin && <th scope="col">{t('console.api-clients.columns.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {list.map((c) => (
              <tr key={c.id} data-state={c.state}>
                <td>{c.name}</td>
                <td>
                  {c.mailbox}
                  {c.unitName && <span className="hint api-client-unit">{c.unitName}</span>}
                </td>
                <td>
                  <ul className="api-client-scope-list">
                    {c.scopes.map((s) => (
                      <li key={s}>{scopeLabel(s)}</li>
                    ))}
                  </ul>
                </td>
                <td>
                  <code>{c.tokenHint}…</code>
                </td>
                <td>{formatDate(new Date(Date.parse(c.expiresAt) - 1).toISOString(), locale)}</td>
                <td>
                  {c.lastUsedAt ? formatDateTime(c.lastUsedAt, locale) : t('console.api-clients.never')}
                </td>
                <td>
                  <span className={`api-client-state api-client-state-${c.state}`}>
                    {t(`console.api-clients.states.${c.state}`)}
                  </span>
                </td>
                {isAdmin && (
                  <td>
                    {c.state !== 'revoked' && (
                      <span className="api-client-actions">
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => setConfirming({ client: c, action: 'rotate' })}
                        >
                          {t('console.api-clients.rotate')}
                        </button>
                        <button
                          type="button"
                          className="button button-small button-danger"
                          onClick={() => setConfirming({ client: c, action: 'revoke' })}
                        >
                          {t('console.api-clients.revoke')}
                        </button>
                      </span>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming && (
        <ConfirmDialog
          title={t(
            confirming.action === 'rotate'
              ? 'console.api-clients.confirmRotateTitle'
              : 'console.api-clients.confirmRevokeTitle',
            { name: confirming.client.name },
          )}
          confirmLabel={t(
            confirming.action === 'rotate' ? 'console.api-clients.rotate' : 'console.api-clients.revoke',
          )}
          cancelLabel={t('console.api-clients.cancel')}
          danger={confirming.action === 'revoke'}
          busy={rotate.isPending || revoke.isPending}
          onCancel={() => setConfirming(null)}
          onConfirm={confirm}
        >
          <p>
            {t(
              confirming.action === 'rotate'
                ? 'console.api-clients.confirmRotateText'
                : 'console.api-clients.confirmRevokeText',
            )}
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
