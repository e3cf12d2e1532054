import { useTranslation } from 'react-i18next';
import { vietnamDateOf } from '../../../common/policy/vietnam-date';
import { useSaveSieveRules, useSieveState } from '../../api/sieve';
import { Banner } from '../../ui/Banner';
import { useErrorMessage } from '../../ui/ErrorText';
import { showToast } from '../../ui/toast-store';
import { useSieveDialogStore } from './sieve-dialog-store';
import { vacationBannerText } from './vacation-banner-text';
import './sieve.css';

/** While the out-of-office reply is on, every screen says so, with "Tắt" one click away. */
export function VacationBanner() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const state = useSieveState();
  const save = useSaveSieveRules();
  const open = useSieveDialogStore((s) => s.open);
  const rules = state.data?.rules;
  const text = rules ? vacationBannerText(rules.vacation, vietnamDateOf(new Date())) : null;
  if (!rules || !text) return null;
  const turnOff = () =>
    save.mutate(
      { ...rules, vacation: { ...rules.vacation, enabled: false } },
      {
        onSuccess: () => showToast({ message: t('vacation.turnedOff') }),
        onError: (error) => showToast({ message: errorMessage(error), tone: 'error' }),
      },
    );
  return (
    <div className="vacation-banner">
      <Banner
        tone="info"
        action={
          <>
            <button type="button" className="button" onClick={() => open('vacation')}>
              {t('vacation.edit')}
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={turnOff}
              disabled={save.isPending}
            >
              {t('vacation.turnOff')}
            </button>
          </>
        }
      >
        {t(text.key, text.values)}
      </Banner>
    </div>
  );
}
