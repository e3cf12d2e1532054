import { useTranslation } from 'react-i18next';
import { listFilters, listSorts } from '../../../common/contract';
import { useSettings, useUpdateSettings } from '../../api/settings';
import { useListStore } from './list-store';

/** Filter, sort and the conversation view: how the list is shown, not what is in the folder. */
export function ListViewControls() {
  const { t } = useTranslation();
  const { sort, order } = useListStore((s) => s.listSort);
  const filter = useListStore((s) => s.listFilter);
  const setListSort = useListStore((s) => s.setListSort);
  const setListFilter = useListStore((s) => s.setListFilter);
  const settings = useSettings();
  const saveSettings = useUpdateSettings();
  const threads = settings.data?.conversationView ?? false;

  return (
    <div className="list-view-controls">
      <select
        className="compact-select"
        aria-label={t('list.filter')}
        value={filter}
        onChange={(e) => setListFilter(e.target.value as (typeof listFilters)[number])}
      >
        {listFilters.map((f) => (
          <option key={f} value={f}>
            {t(`list.filters.${f}`)}
          </option>
        ))}
      </select>
      {threads ? null : (
        <>
          <select
            className="compact-select"
            aria-label={t('list.sort')}
            value={sort}
            onChange={(e) => setListSort(e.target.value as (typeof listSorts)[number], order)}
          >
            {listSorts.map((s) => (
              <option key={s} value={s}>
                {t(`list.sorts.${s}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="icon-button order-toggle"
            aria-label={t(order === 'desc' ? 'list.orderDesc' : 'list.orderAsc')}
            title={t(order === 'desc' ? 'list.orderDesc' : 'list.orderAsc')}
            onClick={() => setListSort(sort, order === 'desc' ? 'asc' : 'desc')}
          >
            {order === 'desc' ? '↓' : '↑'}
          </button>
        </>
      )}
      <label className="thread-toggle">
        <input
          type="checkbox"
          checked={threads}
          onChange={(e) => saveSettings.mutate({ conversationView: e.target.checked })}
        />
        <span>{t('list.conversationView')}</span>
      </label>
    </div>
  );
}
