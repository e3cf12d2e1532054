import { useTranslation } from 'react-i18next';
import { useSieveState } from '../../api/sieve';
import { Banner } from '../../ui/Banner';
import { Dialog } from '../../ui/Dialog';
import { useErrorMessage } from '../../ui/ErrorText';
import { FiltersPanel } from './FiltersPanel';
import { type SieveTab, useSieveDialogStore } from './sieve-dialog-store';
import { VacationForm } from './VacationForm';
import './sieve.css';

/** Out-of-office and filters, over the mail screen: two tabs, one per thing the user sets. */
export function SieveSettingsDialog() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const tab = useSieveDialogStore((s) => s.tab);
  const draft = useSieveDialogStore((s) => s.draft);
  const open = useSieveDialogStore((s) => s.open);
  const close = useSieveDialogStore((s) => s.close);
  const state = useSieveState();
  if (!tab) return null;
  const tabs: SieveTab[] = ['vacation', 'filters'];
  return (
    <Dialog title={t('sieve.menu')} className="sieve-dialog" onClose={close}>
      <div className="sieve-tabs" role="tablist">
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            className={tab === name ? 'sieve-tab active' : 'sieve-tab'}
            onClick={() => open(name)}
          >
            {t(name === 'vacation' ? 'sieve.tabVacation' : 'sieve.tabFilters')}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {state.data?.otherActiveScript ? (
          <Banner tone="warning">{t('sieve.otherActive', { name: state.data.otherActiveScript })}</Banner>
        ) : null}
        {state.isPending ? (
          <p>{t('sieve.loading')}</p>
        ) : state.isError ? (
          <Banner tone="error">{errorMessage(state.error)}</Banner>
        ) : tab === 'vacation' ? (
          <VacationForm rules={state.data.rules} onDone={close} />
        ) : (
          <FiltersPanel rules={state.data.rules} draft={draft} onDone={close} />
        )}
      </div>
    </Dialog>
  );
}

/** The entry in the account menu. */
export function SieveMenuButton({ className = 'button' }: { className?: string }) {
  const { t } = useTranslation();
  const open = useSieveDialogStore((s) => s.open);
  return (
    <button type="button" className={className} onClick={() => open('vacation')}>
      {t('sieve.menu')}
    </button>
  );
}
