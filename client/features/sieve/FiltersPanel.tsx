import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailFilter, SieveRules } from '../../../common/contract';
import { useSaveSieveRules } from '../../api/sieve';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { showToast } from '../../ui/toast-store';
import { FilterEditor } from './FilterEditor';
import { blankFilter } from './filter-drafts';

/** The user's filters in the order they run; one is edited at a time. */
export function FiltersPanel({
  rules,
  draft,
  onDone,
}: {
  rules: SieveRules;
  /** A filter made from a message, opened in the editor straight away. */
  draft: MailFilter | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveSieveRules();
  const [editing, setEditing] = useState<MailFilter | null>(draft);
  const [deleting, setDeleting] = useState<MailFilter | null>(null);

  const store = (filters: MailFilter[], after?: () => void) =>
    save.mutate(
      { ...rules, filters },
      {
        onSuccess: () => {
          showToast({ message: t('sieve.saved') });
          after?.();
        },
      },
    );

  if (editing) {
    return (
      <FilterEditor
        initial={editing}
        saving={save.isPending}
        error={save.error}
        onCancel={() => (draft ? onDone() : setEditing(null))}
        onSave={(filter) => {
          const exists = rules.filters.some((f) => f.id === filter.id);
          const filters = exists
            ? rules.filters.map((f) => (f.id === filter.id ? filter : f))
            : [...rules.filters, filter];
          store(filters, () => (draft ? onDone() : setEditing(null)));
        }}
      />
    );
  }
  return (
    <div className="filters-panel">
      {rules.filters.length === 0 ? <p className="sieve-hint">{t('filters.empty')}</p> : null}
      <ul className="filter-list">
        {rules.filters.map((filter) => (
          <li key={filter.id}>
            <label className="sieve-check">
              <input
                type="checkbox"
                checked={filter.enabled}
                aria-label={`${t('filters.enabled')}: ${filter.name}`}
                onChange={(e) =>
                  store(
                    rules.filters.map((f) => (f.id === filter.id ? { ...f, enabled: e.target.checked } : f)),
                  )
                }
              />
              <span className="filter-name">{filter.name}</span>
            </label>
            <button type="button" className="link-button" onClick={() => setEditing(filter)}>
              {t('filters.edit')}
            </button>
            <button type="button" className="link-button" onClick={() => setDeleting(filter)}>
              {t('filters.delete')}
            </button>
          </li>
        ))}
      </ul>
      {deleting ? (
        <ConfirmDialog
          title={t('filters.delete')}
          confirmLabel={t('filters.delete')}
          cancelLabel={t('filters.cancel')}
          danger
          busy={save.isPending}
          onCancel={() => setDeleting(null)}
          onConfirm={() =>
            store(
              rules.filters.filter((f) => f.id !== deleting.id),
              () => setDeleting(null),
            )
          }
        >
          {t('filters.deleteConfirm', { name: deleting.name })}
        </ConfirmDialog>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button" onClick={onDone}>
          {t('filters.done')}
        </button>
        <button type="button" className="button button-primary" onClick={() => setEditing(blankFilter())}>
          {t('filters.add')}
        </button>
      </div>
    </div>
  );
}
