import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDetail, Role, UnitNode } from '../../../../common/contract';
import { useResetPassword, useSetQuota, useSetRole, useUpdateProfile } from '../../../api/console-accounts';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { FormError, useErrorMessage } from '../../../ui/ErrorText';
import { useToasts } from '../../../ui/toast-store';
import { UnitOptions } from '../UnitOptions';
import { TemporaryPasswordNotice } from './TemporaryPasswordNotice';

const GB = 1024 ** 3;
const ROLES: Role[] = ['user', 'unit_manager', 'admin'];

/** An admin's changes to one account: profile, quota, role, and a password reset (shown once). */
export function AccountActions({ account, units }: { account: AccountDetail; units: UnitNode[] }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const show = useToasts((s) => s.show);
  const profile = useUpdateProfile(account.email);
  const quota = useSetQuota(account.email);
  const role = useSetRole(account.email);
  const reset = useResetPassword(account.email);
  const [editing, setEditing] = useState(false);
  const [fullName, setFullName] = useState(account.fullName ?? '');
  const [unitCode, setUnitCode] = useState(account.unitCode ?? '');
  const [title, setTitle] = useState(account.title ?? '');
  const [quotaGb, setQuotaGb] = useState(account.quotaBytes ? String(account.quotaBytes / GB) : '2');
  const [roleValue, setRoleValue] = useState<Role>(account.role);
  const [confirmReset, setConfirmReset] = useState(false);
  const [temporary, setTemporary] = useState<string | null>(null);
  const fail = (err: unknown) => show({ message: errorMessage(err), tone: 'error' });

  const saveProfile = (e: FormEvent) => {
    e.preventDefault();
    profile.mutate(
      { fullName, ...(unitCode ? { unitCode } : {}), title: title || null },
      {
        onSuccess: () => {
          show({ message: t('console.accounts.detail.saved', { email: account.email }) });
          setEditing(false);
        },
      },
    );
  };
  const saveQuota = (e: FormEvent) => {
    e.preventDefault();
    const bytes = Math.round(Number(quotaGb.replace(',', '.')) * GB);
    quota.mutate(bytes, {
      onSuccess: (r) =>
        show({
          message: t(
            r.atProvider
              ? 'console.accounts.detail.quotaSaved'
              : 'console.accounts.detail.quotaNotAtProvider',
            {
              gb: r.quotaBytes / GB,
            },
          ),
        }),
      onError: fail,
    });
  };
  const saveRole = (e: FormEvent) => {
    e.preventDefault();
    role.mutate(roleValue, {
      onSuccess: (r) =>
        show({
          message: t('console.accounts.detail.roleSaved', { role: t(`console.accounts.roles.${r.role}`) }),
        }),
      onError: fail,
    });
  };

  if (temporary) {
    return (
      <TemporaryPasswordNotice
        title={t('console.accounts.created.resetTitle', { address: account.email })}
        password={temporary}
        onDone={() => setTemporary(null)}
      />
    );
  }

  return (
    <div className="account-actions">
      {editing ? (
        <form className="console-form" onSubmit={saveProfile}>
          <label>
            {t('console.accounts.detail.fullName')}
            <input value={fullName} onChange={(e) => setFullName(e.target.value)} required maxLength={200} />
          </label>
          <label>
            {t('console.accounts.detail.unit')}
            <select value={unitCode} onChange={(e) => setUnitCode(e.target.value)}>
              {!account.unitCode && <option value="">—</option>}
              <UnitOptions units={units} />
            </select>
          </label>
          <label>
            {t('console.accounts.detail.title')}
            <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
          </label>
          <FormError error={profile.error} />
          <div className="console-actions">
            <button type="submit" className="button button-primary" disabled={profile.isPending}>
              {t('console.accounts.detail.save')}
            </button>
            <button type="button" className="button" onClick={() => setEditing(false)}>
              {t('console.accounts.detail.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="console-actions">
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {t('console.accounts.detail.edit')}
          </button>
          <button type="button" className="button" onClick={() => setConfirmReset(true)}>
            {t('console.accounts.detail.resetPassword')}
          </button>
        </div>
      )}
      <form className="console-actions" onSubmit={saveQuota}>
        <label>
          {t('console.accounts.detail.quotaLabel')}
          <input value={quotaGb} onChange={(e) => setQuotaGb(e.target.value)} inputMode="decimal" size={5} />
        </label>
        <button type="submit" className="button" disabled={quota.isPending}>
          {t('console.accounts.detail.setQuota')}
        </button>
      </form>
      <form className="console-actions" onSubmit={saveRole}>
        <label>
          {t('console.accounts.detail.roleLabel')}
          <select value={roleValue} onChange={(e) => setRoleValue(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`console.accounts.roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button" disabled={role.isPending || roleValue === account.role}>
          {t('console.accounts.detail.setRole')}
        </button>
      </form>
      {roleValue === 'unit_manager' && (
        <p className="hint">
          {t('console.accounts.detail.unitManagerHint', { unit: account.unitCode ?? '—' })}
        </p>
      )}
      {confirmReset && (
        <ConfirmDialog
          title={t('console.accounts.detail.resetConfirmTitle', { email: account.email })}
          confirmLabel={t('console.accounts.detail.resetPassword')}
          cancelLabel={t('console.accounts.detail.cancel')}
          busy={reset.isPending}
          onCancel={() => setConfirmReset(false)}
          onConfirm={() =>
            reset.mutate(undefined, {
              onSuccess: (r) => setTemporary(r.temporaryPassword),
              onError: fail,
              onSettled: () => setConfirmReset(false),
            })
          }
        >
          <p>{t('console.accounts.detail.resetConfirmText')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
