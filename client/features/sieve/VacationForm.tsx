import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SieveRules, VacationSettings } from '../../../common/contract';
import { vietnameseDay } from '../../../common/policy/vietnam-date';
import { useSaveSieveRules } from '../../api/sieve';
import { Banner } from '../../ui/Banner';
import { DayInput, typedDay } from '../../ui/DayInput';
import { useErrorMessage } from '../../ui/ErrorText';
import { showToast } from '../../ui/toast-store';

/** Out-of-office: on/off, the days (dd/MM/yyyy, Viet Nam), subject, message, once per sender per N days. */
export function VacationForm({ rules, onDone }: { rules: SieveRules; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const save = useSaveSieveRules();
  const v = rules.vacation;
  const [enabled, setEnabled] = useState(v.enabled);
  const [from, setFrom] = useState(v.fromDay ? vietnameseDay(v.fromDay) : '');
  const [until, setUntil] = useState(v.untilDay ? vietnameseDay(v.untilDay) : '');
  const [subject, setSubject] = useState(v.subject);
  const [message, setMessage] = useState(v.message);
  const [days, setDays] = useState(v.days);
  const [tried, setTried] = useState(false);

  const fromDay = typedDay(from);
  const untilDay = typedDay(until);
  const problem =
    fromDay === null || untilDay === null
      ? 'vacation.badDay'
      : fromDay && untilDay && untilDay < fromDay
        ? 'vacation.untilBeforeFrom'
        : enabled && !message.trim()
          ? 'vacation.needsMessage'
          : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problem) return;
    const vacation: VacationSettings = {
      enabled,
      fromDay: fromDay ?? null,
      untilDay: untilDay ?? null,
      subject: subject.trim(),
      message,
      days,
    };
    save.mutate(
      { ...rules, vacation },
      {
        onSuccess: () => {
          showToast({ message: t('sieve.saved') });
          onDone();
        },
      },
    );
  };

  return (
    <form className="sieve-form" onSubmit={submit} noValidate>
      <label className="sieve-check">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        {t('vacation.enabled')}
      </label>
      <div className="sieve-days">
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('vacation.fromDay')}</label>
          <DayInput id={`${id}-from`} value={from} onChange={setFrom} showInvalid={tried} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-until`}>{t('vacation.untilDay')}</label>
          <DayInput id={`${id}-until`} value={until} onChange={setUntil} showInvalid={tried} />
        </div>
      </div>
      <p className="sieve-hint">{t('vacation.dayHint')}</p>
      <div className="field">
        <label htmlFor={`${id}-subject`}>{t('vacation.subject')}</label>
        <input
          id={`${id}-subject`}
          value={subject}
          maxLength={200}
          placeholder={t('vacation.subjectPlaceholder')}
          onChange={(e) => setSubject(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-message`}>{t('vacation.message')}</label>
        <textarea
          id={`${id}-message`}
          rows={6}
          maxLength={4000}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
      </div>
      <div className="sieve-inline">
        <label htmlFor={`${id}-days`}>{t('vacation.days')}</label>
        <input
          id={`${id}-days`}
          type="number"
          min={1}
          max={30}
          value={days}
          onChange={(e) => setDays(Math.min(30, Math.max(1, Number(e.target.value) || 1)))}
        />
        <span>{t('vacation.daysUnit')}</span>
      </div>
      <p className="sieve-hint">{t('vacation.note')}</p>
      {tried && problem ? <Banner tone="error">{t(problem)}</Banner> : null}
      {save.isError ? <Banner tone="error">{errorMessage(save.error)}</Banner> : null}
      <div className="form-actions">
        <button type="button" className="button" onClick={onDone}>
          {t('sieve.back')}
        </button>
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('sieve.save')}
        </button>
      </div>
    </form>
  );
}
