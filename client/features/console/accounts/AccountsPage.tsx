import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountState, CreatedAccount, Role } from '../../../../common/contract';
import { formatDateTime } from '../../../../common/i18n/format';
import { useConsoleMe } from '../../../api/console';
import { useAccountList } from '../../../api/console-accounts';
import { useUnitTree } from '../../../api/console-units';
import { FormError } from '../../../ui/ErrorText';
import { UnitOptions } from '../UnitOptions';
import { AccountDetailPanel } from './AccountDetailPanel';
import { CreateAccountForm } from './CreateAccountForm';
import { TemporaryPasswordNotice } from './TemporaryPasswordNotice';
import './accounts.css';

const PAGE_SIZE = 50;
const STATES: AccountState[] = ['active', 'suspended', 'revoked'];
const ROLES: Role[] = ['admin', 'unit_manager', 'user'];

/** Every mailbox, filtered; an account's detail beside the list; "Tạo tài khoản" for admins. */
export default function AccountsPage() {
  const { t, i18n } = useTranslation();
  const me = useConsoleMe();
  const canWrite = me.data?.role === 'admin';
  const units = useUnitTree().data?.units ?? [];
  const [q, setQ] = useState('');
  const [unit, setUnit] = useState('');
  const [state, setState] = useState<AccountState | ''>('');
  const [role, setRole] = useState<Role | ''>('');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedAccount | null>(null);
  const list = useAccountList({
    q: q || undefined,
    unit: unit || undefined,
    state: state || undefined,
    role: role || undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const filterChanged =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  const data = list.data;
  const from = data && data.total > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const to = data ? Math.min(data.total, data.page * data.pageSize) : 0;

  return (
    <section className="accounts-page">
      <h1 className="console-title">{t('console.accounts.title')}</h1>
      <p className="hint">{canWrite ? t('console.accounts.intro') : t('console.accounts.readOnly')}</p>
      {canWrite && !creating && !created && (
        <div className="console-actions">
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            {t('console.accounts.create')}
          </button>
        </div>
      )}
      {created && (
        <TemporaryPasswordNotice
          title={t('console.accounts.created.title', { address: created.address })}
          password={created.temporaryPassword}
          note={
            created.proposed && created.proposed !== created.address
              ? t('console.accounts.created.proposedInstead', { proposed: created.proposed })
              : undefined
          }
          onDone={() => setCreated(null)}
        />
      )}
      {canWrite && creating && (
        <CreateAccountForm
          units={units}
          onCancel={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false);
            setCreated(c);
            setSelected(c.address);
          }}
        />
      )}

      <search className="console-filters">
        <label>
          {t('console.accounts.filters.search')}
          <input
            type="search"
            value={q}
            placeholder={t('console.accounts.filters.searchPlaceholder')}
            onChange={(e) => filterChanged(setQ)(e.target.value)}
          />
        </label>
        <label>
          {t('console.accounts.filters.unit')}
          <select value={unit} onChange={(e) => filterChanged(setUnit)(e.target.value)}>
            <option value="">{t('console.accounts.filters.allUnits')}</option>
            <UnitOptions units={units} />
          </select>
        </label>
        <label>
          {t('console.accounts.filters.state')}
          <select
            value={state}
            onChange={(e) => filterChanged(setState)(e.target.value as AccountState | '')}
          >
            <option value="">{t('console.accounts.filters.all')}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {t(`console.accounts.states.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('console.accounts.filters.role')}
          <select value={role} onChange={(e) => filterChanged(setRole)(e.target.value as Role | '')}>
            <option value="">{t('console.accounts.filters.all')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`console.accounts.roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
      </search>

      <div className={selected ? 'accounts-layout with-detail' : 'accounts-layout'}>
        <div className="accounts-list">
          {list.isPending && <p>{t('console.accounts.loading')}</p>}
          <FormError error={list.error} />
          {data && data.total === 0 && <p>{t('console.accounts.empty')}</p>}
          {data && data.total > 0 && (
            <>
              <table className="console-table accounts-table">
                <thead>
                  <tr>
                    <th scope="col">{t('console.accounts.columns.name')}</th>
                    <th scope="col">{t('console.accounts.columns.email')}</th>
                    <th scope="col">{t('console.accounts.columns.unit')}</th>
                    <th scope="col">{t('console.accounts.columns.state')}</th>
                    <th scope="col">{t('console.accounts.columns.role')}</th>
                    <th scope="col">{t('console.accounts.columns.lastLogin')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((a) => (
                    <tr
                      key={a.email}
                      aria-selected={a.email === selected}
                      className={a.email === selected ? 'selected' : undefined}
                    >
                      <td>
                        <button type="button" className="link-button" onClick={() => setSelected(a.email)}>
                          {a.fullName ?? t('console.accounts.noName')}
                        </button>
                        {a.title && <div className="hint">{a.title}</div>}
                      </td>
                      <td className="account-address">{a.email}</td>
                      <td>{a.unitName ?? a.unitCode ?? '—'}</td>
                      <td>
                        <span
                          className={`console-badge ${a.state === 'active' ? 'ok' : a.state === 'suspended' ? 'warn' : 'bad'}`}
                        >
                          {t(`console.accounts.states.${a.state}`)}
                        </span>
                        {a.sendingLocked && (
                          <span className="console-badge warn">{t('console.accounts.sendingLocked')}</span>
                        )}
                      </td>
                      <td>{t(`console.accounts.roles.${a.role}`)}</td>
                      <td>
                        {a.lastLoginAt
                          ? formatDateTime(a.lastLoginAt, i18n.language)
                          : t('console.accounts.never')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="console-actions">
                <span>{t('console.accounts.count', { from, to, total: data.total })}</span>
                <button
                  type="button"
                  className="button button-small"
                  disabled={page <= 1}
                  onClick={() => setPage(page - 1)}
                >
                  {t('console.accounts.previous')}
                </button>
                <button
                  type="button"
                  className="button button-small"
                  disabled={to >= data.total}
                  onClick={() => setPage(page + 1)}
                >
                  {t('console.accounts.next')}
                </button>
              </div>
            </>
          )}
        </div>
        {selected && (
          <AccountDetailPanel
            email={selected}
            units={units}
            canWrite={canWrite}
            onClose={() => setSelected(null)}
          />
        )}
      </div>
    </section>
  );
}
