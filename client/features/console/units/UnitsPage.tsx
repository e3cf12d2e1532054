import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitNode } from '../../../../common/contract';
import { useConsoleMe } from '../../../api/console';
import { useDeleteUnit, useUnitTree } from '../../../api/console-units';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { FormError, useErrorMessage } from '../../../ui/ErrorText';
import { useToasts } from '../../../ui/toast-store';
import { UnitForm } from './UnitForm';
import './units.css';

type Editing = { unit: UnitNode | null; parentCode: string | null } | null;

/** Đ4.1: the unit tree; admins add, rename, move and delete units, unit managers read their own. */
export default function UnitsPage() {
  const { t } = useTranslation();
  const me = useConsoleMe();
  const tree = useUnitTree();
  const remove = useDeleteUnit();
  const errorMessage = useErrorMessage();
  const show = useToasts((s) => s.show);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<UnitNode | null>(null);
  const isAdmin = me.data?.role === 'admin';
  const units = tree.data?.units ?? [];

  return (
    <section className="units-page">
      <h1 className="console-title">{t('console.units.title')}</h1>
      <p className="hint">{isAdmin ? t('console.units.intro') : t('console.units.readOnly')}</p>
      {isAdmin && !editing && (
        <div className="console-actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => setEditing({ unit: null, parentCode: null })}
          >
            {t('console.units.add')}
          </button>
        </div>
      )}
      {isAdmin && editing && (
        <UnitForm
          key={`${editing.unit?.code ?? 'new'}-${editing.parentCode ?? ''}`}
          units={units}
          editing={editing.unit}
          parentCode={editing.parentCode}
          onDone={() => setEditing(null)}
        />
      )}
      {tree.isPending && <p>{t('console.units.loading')}</p>}
      <FormError error={tree.error} />
      {tree.data && units.length === 0 && <p>{t('console.units.empty')}</p>}
      {units.length > 0 && (
        <table className="console-table units-table">
          <thead>
            <tr>
              <th scope="col">{t('console.units.columns.name')}</th>
              <th scope="col">{t('console.units.columns.code')}</th>
              <th scope="col">{t('console.units.columns.level')}</th>
              <th scope="col">{t('console.units.columns.mailbox')}</th>
              <th scope="col" className="num" title={t('console.units.accountsHint')}>
                {t('console.units.columns.accounts')}
              </th>
              {isAdmin && <th scope="col">{t('console.units.columns.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.code} data-depth={u.depth}>
                <td>
                  <span className="unit-name" style={{ paddingInlineStart: `${u.depth * 1.4}rem` }}>
                    {u.depth > 0 && (
                      <span aria-hidden="true" className="unit-branch">
                        └{' '}
                      </span>
                    )}
                    {u.name}
                  </span>
                </td>
                <td>
                  <code>{u.code}</code>
                </td>
                <td>{t(`console.units.levels.${u.level}`)}</td>
                <td>{u.mailbox ?? ''}</td>
                <td className="num" title={t('console.units.accountsHint')}>
                  {t('console.units.accountsCount', { own: u.accounts, total: u.accountsWithSubUnits })}
                </td>
                {isAdmin && (
                  <td>
                    <span className="unit-actions">
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => setEditing({ unit: u, parentCode: null })}
                      >
                        {t('console.units.edit')}
                      </button>
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => setEditing({ unit: null, parentCode: u.code })}
                      >
                        {t('console.units.addChild')}
                      </button>
                      {u.subUnits === 0 && u.accounts === 0 && (
                        <button
                          type="button"
                          className="button button-small button-danger"
                          onClick={() => setDeleting(u)}
                        >
                          {t('console.units.delete')}
                        </button>
                      )}
                    </span>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('console.units.confirmDeleteTitle', { code: deleting.code })}
          confirmLabel={t('console.units.delete')}
          cancelLabel={t('console.units.form.cancel')}
          danger
          busy={remove.isPending}
          onCancel={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(deleting.code, {
              onSuccess: () => show({ message: t('console.units.form.deleted', { code: deleting.code }) }),
              onError: (err) => show({ message: errorMessage(err), tone: 'error' }),
              onSettled: () => setDeleting(null),
            })
          }
        >
          <p>{t('console.units.confirmDeleteText', { name: deleting.name })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
