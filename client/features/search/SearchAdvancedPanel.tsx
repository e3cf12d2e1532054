import { type FormEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftProblem, SearchDraft } from './search-form';

type TextField = 'from' | 'to' | 'subject' | 'body';
const TEXT_FIELDS: TextField[] = ['from', 'to', 'subject', 'body'];

/** From, to, subject, body, a date range, attachment, unread, and where to look. */
export function SearchAdvancedPanel({
  draft,
  problem,
  currentLabel,
  onChange,
  onSubmit,
  onReset,
  onClose,
}: {
  draft: SearchDraft;
  problem: DraftProblem | null;
  currentLabel: string;
  onChange: (draft: SearchDraft) => void;
  onSubmit: (event: FormEvent) => void;
  onReset: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    first.current?.focus();
  }, []);
  // After a refused submit, straight to the field to fix.
  useEffect(() => {
    if (problem && problem.field !== 'q') document.getElementById(`search-${problem.field}`)?.focus();
  }, [problem]);
  const set = <K extends keyof SearchDraft>(key: K, value: SearchDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const errorFor = (field: 'since' | 'until' | 'q') => (problem?.field === field ? problem.key : null);

  const dateField = (field: 'since' | 'until') => {
    const error = errorFor(field);
    return (
      <label className="search-field">
        <span>{t(`search.${field}`)}</span>
        <input
          id={`search-${field}`}
          type="text"
          inputMode="numeric"
          placeholder={t('search.datePlaceholder')}
          value={draft[field]}
          onChange={(e) => set(field, e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `search-${field}-error` : undefined}
          maxLength={10}
        />
        {error ? (
          <span className="field-error" id={`search-${field}-error`}>
            {t(`search.${error}`)}
          </span>
        ) : null}
      </label>
    );
  };

  return (
    <form
      id="search-advanced"
      className="search-panel"
      aria-label={t('search.advanced')}
      onSubmit={onSubmit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
          document.getElementById('search-input')?.focus();
        }
      }}
    >
      <div className="search-grid">
        {TEXT_FIELDS.map((field, i) => (
          <label key={field} className="search-field">
            <span>{t(`search.${field}`)}</span>
            <input
              ref={i === 0 ? first : undefined}
              type="text"
              value={draft[field]}
              onChange={(e) => set(field, e.target.value)}
              maxLength={200}
              autoComplete="off"
            />
          </label>
        ))}
        {dateField('since')}
        {dateField('until')}
      </div>
      <div className="search-options">
        <label className="inline-check">
          <input
            type="checkbox"
            checked={draft.hasAttachment}
            onChange={(e) => set('hasAttachment', e.target.checked)}
          />
          {t('search.hasAttachment')}
        </label>
        <label className="inline-check">
          <input type="checkbox" checked={draft.unread} onChange={(e) => set('unread', e.target.checked)} />
          {t('search.unread')}
        </label>
      </div>
      <fieldset className="search-scope">
        <legend>{t('search.scope')}</legend>
        <label className="inline-check">
          <input
            type="radio"
            name="search-scope"
            checked={draft.scope === 'all'}
            onChange={() => set('scope', 'all')}
          />
          {t('search.scopeAll')}
        </label>
        <label className="inline-check">
          <input
            type="radio"
            name="search-scope"
            checked={draft.scope === 'current'}
            onChange={() => set('scope', 'current')}
          />
          {t('search.scopeCurrent', { folder: currentLabel })}
        </label>
      </fieldset>
      <p className="search-hint">{t('search.hint')}</p>
      {errorFor('q') ? (
        <p className="field-error" role="alert">
          {t('search.needCriteria')}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button" onClick={onReset}>
          {t('search.reset')}
        </button>
        <button type="submit" className="button button-primary">
          {t('search.submit')}
        </button>
      </div>
    </form>
  );
}
