import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useCancelDeparture,
  useExportMailbox,
  useLifecycleAccount,
  useRecordDeparture,
  useRecordRestoreRequest,
  useRemoveExemption,
  useRevokeAccount,
  useSetExemption,
  useSuspendAccount,
  useVerifyRestore,
} from '../../../api/console-lifecycle';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { FormError } from '../../../ui/ErrorText';
import { DepartureForm } from './DepartureForm';
import { ExemptionForm } from './ExemptionForm';
import { ExportActions } from './ExportActions';
import { LifecycleFacts } from './LifecycleFacts';
import type { ActionFormProps, Pending } from './lifecycle-actions';
import { RestoreForm } from './RestoreForm';
import { SuspendForm } from './SuspendForm';

/** One account: its state, what will happen to it and when, and the admin's actions. */
export function AccountLifecyclePanel({
  email,
  onOpen,
  admin,
}: {
  email: string | null;
  onOpen: (email: string) => void;
  admin: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(email ?? '');
  const status = useLifecycleAccount(email);
  const [requestId, setRequestId] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [password, setPassword] = useState<string | null>(null);
  const mutations = {
    departure: useRecordDeparture(),
    cancelDeparture: useCancelDeparture(),
    exemption: useSetExemption(),
    removeExemption: useRemoveExemption(),
    suspend: useSuspendAccount(),
    restoreRequest: useRecordRestoreRequest(),
    restore: useVerifyRestore(),
    export: useExportMailbox(),
    revoke: useRevokeAccount(),
  };
  const failed = Object.values(mutations).find((m) => m.error)?.error;

  const open = (e: FormEvent) => {
    e.preventDefault();
    if (search.trim()) onOpen(search.trim().toLowerCase());
    setMessage(null);
    setPassword(null);
  };

  const a = status.data;
  const action: ActionFormProps | null = a
    ? {
        account: a,
        withRequest: (body) => (requestId.trim() ? { ...body, requestId: Number(requestId) } : body),
        onMessage: setMessage,
        confirm: setPending,
      }
    : null;

  return (
    <section className="console-card" aria-labelledby="lc-account">
      <h2 id="lc-account">{t('console.lifecycle.account.title')}</h2>
      <form className="console-filters" onSubmit={open}>
        <label>
          {t('console.lifecycle.account.search')}
          <input type="email" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <button type="submit" className="button">
          {t('console.lifecycle.account.open')}
        </button>
      </form>
      {status.error && <p role="alert">{t('console.lifecycle.account.notFound')}</p>}
      {a && action && (
        <div className="lifecycle-account">
          <LifecycleFacts account={a} admin={admin} />
          {message && <p role="status">{message}</p>}
          {password && (
            <p role="status" className="lifecycle-password">
              {t('console.lifecycle.restore.password')}
              <code data-testid="temporary-password">{password}</code>
              <br />
              {t('console.lifecycle.restore.passwordNote')}
            </p>
          )}
          <FormError error={failed} />

          {admin && a.state !== 'revoked' && (
            <div className="lifecycle-forms">
              <label className="lifecycle-request">
                {t('console.lifecycle.account.requestId')}
                <input
                  inputMode="numeric"
                  value={requestId}
                  onChange={(e) => setRequestId(e.target.value.replace(/\D/g, ''))}
                />
              </label>
              {a.kind === 'personal' && (
                <DepartureForm {...action} record={mutations.departure} cancel={mutations.cancelDeparture} />
              )}
              <ExemptionForm {...action} set={mutations.exemption} remove={mutations.removeExemption} />
              {a.state === 'active' && <SuspendForm {...action} suspend={mutations.suspend} />}
              {a.state === 'suspended' && (
                <RestoreForm
                  {...action}
                  onPassword={setPassword}
                  recordRequest={mutations.restoreRequest}
                  restore={mutations.restore}
                />
              )}
              {a.kind === 'personal' && (
                <ExportActions {...action} exportMailbox={mutations.export} revoke={mutations.revoke} />
              )}
            </div>
          )}
        </div>
      )}
      {pending && (
        <ConfirmDialog
          title={pending.title}
          confirmLabel={t('console.lifecycle.account.confirm')}
          cancelLabel={t('console.lifecycle.account.cancel')}
          danger
          onCancel={() => setPending(null)}
          onConfirm={() => {
            pending.run();
            setPending(null);
          }}
        >
          <p>{pending.text}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
