import { useTranslation } from 'react-i18next';
import type { AccountDetail, UnitNode } from '../../../../common/contract';
import { formatDate, formatDateTime } from '../../../../common/i18n/format';
import { vietnameseDay } from '../../../../common/policy/vietnam-date';
import { useAccountDetail } from '../../../api/console-accounts';
import { FormError } from '../../../ui/ErrorText';
import { FileSize } from '../../../ui/FileSize';
import { AccountActions } from './AccountActions';

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
