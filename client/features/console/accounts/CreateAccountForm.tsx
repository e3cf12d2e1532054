import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountKind, CreatedAccount, UnitNode } from '../../../../common/contract';
import { useAddressProposal, useCreateAccount } from '../../../api/console-accounts';
import { FormError, useErrorMessage } from '../../../ui/ErrorText';
import { UnitOptions } from '../UnitOptions';

const GB = 1024 ** 3;
const PROPOSE_DELAY_MS = 250;

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Đ5.3a with Đ4: the address is proposed as the admin types (clash → 2, 3, …); another
 * address needs a reason. The provider creates the mailbox with a temporary password.
 */
export function CreateAccountForm({
  units,
  onCreated,
  onCancel,
}: {
  units: UnitNode[];
  onCreated: (created: CreatedAccount) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const create = useCreateAccount();
  const [fullName, setFullName] = useState('');
  const [unitCode, setUnitCode] = useState('');
  const [kind, setKind] = useState<AccountKind>('personal');
  const [title, setTitle] = useState('');
  const [quotaGb, setQuotaGb] = useState('2');
  const [override, setOverride] = useState(false);
  const [local, setLocal] = useState('');
  const [reason, setReason] = useState('');

  const unit = units.find((u) => u.code === unitCode);
  const nameForProposal = kind === 'unit' && fullName.trim() === '' ? (unit?.name ?? '') : fullName;
  const typed = useDebounced({ fullName: nameForProposal, unitCode, kind }, PROPOSE_DELAY_MS);
  const proposal = useAddressProposal(typed.unitCode ? typed : null);
  const proposed = proposal.data;
  const base = proposed?.local ? proposed.local.replace(/\d+(?=\.)/, '') : '';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        fullName,
        unitCode,
        kind,
        title: title || null,
        quotaBytes: Math.round(Number(quotaGb.replace(',', '.')) * GB) || null,
        ...(override ? { local, overrideReason: reason } : {}),
      },
      { onSuccess: onCreated },
    );
  };

  return (
    <form
      className="console-form console-card create-account"
      onSubmit={submit}
      aria-labelledby="create-account-title"
    >
      <h2 id="create-account-title">{t('console.accounts.form.title')}</h2>
      <p className="hint">{t('console.accounts.form.intro')}</p>
      <div className="row">
        <label>
          {t('console.accounts.form.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as AccountKind)}>
            <option value="personal">{t('console.accounts.kinds.personal')}</option>
            <option value="unit">{t('console.accounts.kinds.unit')}</option>
          </select>
        </label>
        <label className="grow">
          {t('console.accounts.form.fullName')}
          <input
            value={fullName}
            onChange={(e) => setFullName(e.target.value)}
            placeholder={
              kind === 'unit' ? (unit?.name ?? '') : t('console.accounts.form.fullNamePlaceholder')
            }
            required={kind === 'personal'}
            maxLength={200}
            autoComplete="off"
          />
        </label>
      </div>
      <div className="row">
        <label className="grow">
          {t('console.accounts.form.unit')}
          <select value={unitCode} onChange={(e) => setUnitCode(e.target.value)} required>
            <option value="">{t('console.accounts.form.chooseUnit')}</option>
            <UnitOptions units={units} />
          </select>
        </label>
        <label>
          {t('console.accounts.form.quota')}
          <input value={quotaGb} onChange={(e) => setQuotaGb(e.target.value)} inputMode="decimal" size={6} />
          <span className="hint">{t('console.accounts.form.quotaHint')}</span>
        </label>
      </div>
      <label>
        {t('console.accounts.form.jobTitle')}
        <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
      </label>

      <div className="proposal" aria-live="polite">
        <span className="proposal-label">{t('console.accounts.form.proposal')}</span>
        {!typed.unitCode || nameForProposal.trim() === '' ? (
          <span className="hint">{t('console.accounts.form.proposalWaiting')}</span>
        ) : proposal.isPending ? (
          <span className="hint">{t('console.accounts.form.proposing')}</span>
        ) : proposed?.ok ? (
          <>
            <strong data-testid="proposed-address">{proposed.address}</strong>
            {proposed.clash && (
              <span className="hint">{t('console.accounts.form.clash', { base, n: proposed.clash })}</span>
            )}
          </>
        ) : proposed?.code ? (
          <span className="form-error" role="alert">
            {t(`errors.${proposed.code}`)}
          </span>
        ) : proposal.error ? (
          <span className="form-error" role="alert">
            {errorMessage(proposal.error)}
          </span>
        ) : null}
      </div>

      <label className="inline">
        <input type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} />
        {t('console.accounts.form.override')}
      </label>
      {override && (
        <div className="row">
          <label>
            {t('console.accounts.form.local')}
            <input
              value={local}
              onChange={(e) => setLocal(e.target.value)}
              maxLength={64}
              autoComplete="off"
            />
          </label>
          <label className="grow">
            {t('console.accounts.form.overrideReason')}
            <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          </label>
        </div>
      )}
      <FormError error={create.error} />
      <div className="console-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? t('console.accounts.form.creating') : t('console.accounts.form.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('console.accounts.form.cancel')}
        </button>
      </div>
    </form>
  );
}
