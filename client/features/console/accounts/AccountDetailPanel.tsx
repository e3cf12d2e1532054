import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDetail, Role, UnitNode } from '../../../../common/contract';
import { formatDate, formatDateTime } from '../../../../common/i18n/format';
import { vietnameseDay } from '../../../../common/policy/vietnam-date';
import {
  useAccountDetail,
  useResetPassword,
  useSetQuota,
  useSetRole,
  useUpdateProfile,
} from '../../../api/console-accounts';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { FormError, useErrorMessage } from '../../../ui/ErrorText';
import { FileSize } from '../../../ui/FileSize';
import { useToasts } from '../../../ui/toast-store';
import { UnitOptions } from '../UnitOptions';
import { TemporaryPasswordNotice } from './TemporaryPasswordNotice';

const GB = 1024 ** 3;
const ROLES: Role[] = ['user', 'unit_manager', 'admin'];

/** One account: what the console knows, what comes next, and the admin's actions on it. */
export function AccountDetailPanel({
  email,
  units,
  canWrite,
  onClose,
}: {
  email: string;
  units: UnitNode[];
  canWrite: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const detail = useAccountDetail(email);
  return (
    <aside className="console-card account-detail" aria-labelledby="account-detail-title">
      <header className="account-detail-head">
        <h2 id="account-detail-title">{email}</h2>
        <button type="button" className="button button-small" onClick={onClose}>
          {t('console.accounts.detail.close')}
        </button>
      </header>
      <FormError error={detail.error} />
      {detail.data && <DetailBody account={detail.data} units={units} canWrite={canWrite} />}
    </aside>
  );
}

function DetailBody({
  account,
  units,
  canWrite,
}: {
  account: AccountDetail;
  units: UnitNode[];
  canWrite: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const when = (iso: string | null) => (iso ? formatDateTime(iso, lang) : t('console.accounts.never'));
  const stateTone = account.state === 'active' ? 'ok' : account.state === 'suspended' ? 'warn' : 'bad';
  return (
    <>
      <dl className="account-facts">
        <dt>{t('console.accounts.detail.fullName')}</dt>
        <dd>{account.fullName ?? t('console.accounts.noName')}</dd>
        <dt>{t('console.accounts.detail.unit')}</dt>
        <dd>{account.unitName ? `${account.unitName} (${account.unitCode})` : (account.unitCode ?? '—')}</dd>
        <dt>{t('console.accounts.detail.title')}</dt>
        <dd>{account.title ?? '—'}</dd>
        <dt>{t('console.accounts.detail.kind')}</dt>
        <dd>{t(`console.accounts.kinds.${account.kind}`)}</dd>
        <dt>{t('console.accounts.detail.state')}</dt>
        <dd>
          <span className={`console-badge ${stateTone}`}>
            {t(`console.accounts.states.${account.state}`)}
          </span>
          {account.stateReason &&
            ` ${t('console.accounts.detail.stateReason', { reason: account.stateReason })}`}
          {account.sendingLockedReason && (
            <div className="console-badge warn">
              {t('console.accounts.detail.sendingLockedReason', { reason: account.sendingLockedReason })}
            </div>
          )}
        </dd>
        <dt>{t('console.accounts.columns.role')}</dt>
        <dd>{t(`console.accounts.roles.${account.role}`)}</dd>
        <dt>{t('console.accounts.detail.quota')}</dt>
        <dd>
          {account.quotaBytes ? (
            <FileSize bytes={account.quotaBytes} />
          ) : (
            t('console.accounts.detail.quotaUnknown')
          )}
        </dd>
        <dt>{t('console.accounts.detail.lastLogin')}</dt>
        <dd>{when(account.lastLoginAt)}</dd>
        <dt>{t('console.accounts.detail.lastSent')}</dt>
        <dd>{account.lastSentAt ? formatDateTime(account.lastSentAt, lang) : '—'}</dd>
        <dt>{t('console.accounts.detail.created')}</dt>
        <dd>
          {account.createdAt
            ? formatDate(account.createdAt, lang)
            : t('console.accounts.detail.providerOnly')}
          {account.provisionedBy && ` · ${t('console.accounts.detail.createdBy')}: ${account.provisionedBy}`}
        </dd>
      </dl>
      <p className="hint">
        {account.passwordChangedAt &&
          t('console.accounts.detail.passwordAge', {
            count: account.passwordAgeDays ?? 0,
            date: formatDate(account.passwordChangedAt, lang),
          })}
        {account.mustChangePassword && (
          <>
            {' · '}
            <span className="console-badge warn">{t('console.accounts.detail.mustChange')}</span>
          </>
        )}
      </p>
      {account.nameOverrideReason && (
        <p className="hint">
          {t('console.accounts.detail.overrideReason', { reason: account.nameOverrideReason })}
        </p>
      )}
      {account.departure && (
        <p className="hint">
          {t('console.accounts.detail.departure', { date: vietnameseDay(account.departure.on) })}
        </p>
      )}
      <h3>{t('console.accounts.detail.next')}</h3>
      {account.nextEvents.length === 0 ? (
        <p className="hint">{t('console.accounts.detail.nextNone')}</p>
      ) : (
        <ul className="account-next">
          {account.nextEvents.map((e) => (
            <li key={`${e.kind}-${e.dueOn}`}>
              {t('console.accounts.detail.nextEvent', {
                date: vietnameseDay(e.dueOn),
                what: t(`console.accounts.detail.events.${e.kind}`),
              })}
              {!e.automatic && ` ${t('console.accounts.detail.manual')}`}
            </li>
          ))}
        </ul>
      )}
      {canWrite && <AccountActions key={account.email} account={account} units={units} />}
    </>
  );
}

function AccountActions({ account, units }: { account: AccountDetail; units: UnitNode[] }) {
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
